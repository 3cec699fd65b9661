using RobuustOD.CatalogusReadModel;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;

namespace RobuustOD.Subsidy;

/// <summary>The HTTP surface of this service.</summary>
public static class SubsidieApi
{
    public static readonly ApiDescriptor Descriptor = new("subsidie", "Subsidies voor robuuste omgevingsdiensten",
        "De subsidieaanvragen van omgevingsdiensten: de bijdrage uit de EUR 7 miljoen via Omgevingsdienst NL en de incidentele subsidie voor fusie of opsplitsing. Volgt het register via diens gebeurtenissen.",
        "1.0.0");

    public static IEndpointRouteBuilder MapSubsidieApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapApiGroup(Descriptor).WithTags("Subsidie").MapOmgevingsdienstView();
        endpoints.MapRegisterSubscription();
        endpoints.MapBeoordelingSubscription();
        return endpoints;
    }
}
