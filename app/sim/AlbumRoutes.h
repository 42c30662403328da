#pragma once

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// The album pages (album-list, album-create, album-update, album-add-content) and the documented album
// calls a full client needs: contents, delete, remove items.
class AlbumRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context);
};

} // namespace koodrive::sim
