using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Subsidy;

/// <summary>
/// The policies of this service beyond the shared ones: who may apply (an OD for itself, or a handler on its behalf)
/// and who handles (the scheme owners, ODNL and IenW; which scheme is whose is decided per request, from the data).
/// </summary>
public static class SubsidiePolicies
{
    public const string Aanvrager = "subsidie-aanvrager";

    public const string Behandelaar = "subsidie-behandelaar";

    public static WebApplicationBuilder AddSubsidiePolicies(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Aanvrager, policy => policy.RequireRole(Roles.Od, Roles.Odnl, Roles.Ienw))
            .AddPolicy(Behandelaar, policy => policy.RequireRole(Roles.Odnl, Roles.Ienw));
        return builder;
    }
}
