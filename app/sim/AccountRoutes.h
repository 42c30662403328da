#pragma once

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// Sign-in, token refresh and sign-out, the user's space and the shared spaces (families) the user is in
// (../shared/koodrive-api/README.md, "Documented elsewhere").
class AccountRoutes final
{
public:
    static void install(SimHttpServer &server, SimContext &context);
};

} // namespace koodrive::sim
