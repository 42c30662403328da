#pragma once

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// Folders and names (OPERATIONS.md §4): createDirectory (POST /directory) and renameFile
// (POST /files/rename/{fileId}).
class FolderRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context);

    // renameMode / autoRename on a name clash: 2 adds a timestamp, 3 fails with 13000405.
    static constexpr int AddTimestamp = 2;
    static constexpr int FailOnClash = 3;
};

} // namespace koodrive::sim
