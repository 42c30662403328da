#pragma once

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// Search (OPERATIONS.md §7): POST /files/search.
class SearchRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context);
};

} // namespace koodrive::sim
