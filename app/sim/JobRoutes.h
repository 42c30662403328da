#pragma once

namespace koodrive::sim {

class JobRunner;
class SimHttpServer;
struct SimContext;

// The batch-job calls of OPERATIONS.md §5: CreateJob (POST /jobs), GetJobDetail (GET /{jobId}), GetJobList
// (GET /jobs), CancelJob (POST /cancel), and emptying the recycle bin (POST /files/recycle), which runs as
// a job too. GET /{jobId} has nothing but the id after the prefix: install() registers it for ids of
// digits only, and installLast() must come after every other route.
class JobRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context, JobRunner &runner);
    static void installLast(SimHttpServer &server, SimContext &context);
};

} // namespace koodrive::sim
