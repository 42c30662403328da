#pragma once

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// Favourites (OPERATIONS.md §6): batchStarFile (POST /star/batch) and listStarFile (GET /star/files).
class StarRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context);
};

} // namespace koodrive::sim
