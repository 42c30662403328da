#pragma once

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// files-list.txt (POST /files/{type}) and the documented file calls: detail and download links.
class FileRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context);
};

} // namespace koodrive::sim
