using RobuustOD.Contracts.Api;
using RobuustOD.Registry.Features;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry;

/// <summary>The HTTP surface of the register. Reads are public; every write is an act of IenW.</summary>
public static class RegisterApi
{
    public static readonly ApiDescriptor Descriptor = new("register", "Register omgevingsdiensten",
        "Het register van omgevingsdiensten: wie bestaat er, sinds en tot wanneer, welke zijn Seveso-omgevingsdienst "
        + "en voor welke provincies, fusies en opsplitsingen, en de uitkomst van de zelftoets. Opvraagbaar per peildatum.",
        "1.0.0");

    public static IEndpointRouteBuilder MapRegisterApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Descriptor).WithTags("Register");
        var lezen = api.MapGroup("").RequireAuthorization(Policies.Publiek);
        var schrijven = api.MapGroup("").RequireAuthorization(Policies.Ienw);

        lezen.MapGet("/omgevingsdiensten", ZoekOmgevingsdiensten.Endpoint)
            .Validate<ZoekOmgevingsdiensten.Parameters>()
            .WithName("zoekOmgevingsdiensten").WithSummary("Omgevingsdiensten zoeken, zoals het register op een peildatum was");
        lezen.MapGet("/omgevingsdiensten/{code}", HaalOmgevingsdienstOp.Endpoint)
            .WithName("haalOmgevingsdienstOp").WithSummary("Eén omgevingsdienst, met ETag");
        lezen.MapGet("/omgevingsdiensten/{code}/historie", HaalHistorieOp.Endpoint)
            .WithName("haalHistorieOp").WithSummary("De gebeurtenissen van een omgevingsdienst: wat, wanneer, door wie");
        lezen.MapGet("/seveso-overzicht", SevesoOverzicht.Endpoint)
            .WithName("haalSevesoOverzichtOp").WithSummary("Per provincie de Seveso-omgevingsdienst op een peildatum");
        lezen.MapGet("/fusies", ZoekFusies.Endpoint)
            .WithName("zoekFusies").WithSummary("Alle aangekondigde, voltooide en geannuleerde fusies");
        lezen.MapGet("/fusies/{opvolger}", HaalFusieOp.Endpoint)
            .WithName("haalFusieOp").WithSummary("Een fusie, aangeduid met de code van de opvolger");

        schrijven.MapPost("/omgevingsdiensten", RegistreerOmgevingsdienst.Endpoint)
            .Validate<RegistreerOmgevingsdienst.Verzoek>()
            .WithName("registreerOmgevingsdienst").WithSummary("Een omgevingsdienst in het register opnemen");
        schrijven.MapPatch("/omgevingsdiensten/{code}", WijzigOmgevingsdienst.Endpoint)
            .Validate<WijzigOmgevingsdienst.Verzoek>()
            .WithName("wijzigOmgevingsdienst").WithSummary("Naam, provincies of aantal deelnemers wijzigen (If-Match aanbevolen)");
        schrijven.MapPut("/omgevingsdiensten/{code}/seveso-aanwijzing", WijsSevesoAan.Endpoint)
            .Validate<WijsSevesoAan.Verzoek>()
            .WithName("wijsSevesoAan").WithSummary("Aanwijzen als Seveso-omgevingsdienst voor provincies");
        schrijven.MapPost("/omgevingsdiensten/{code}/seveso-aanwijzing/intrekking", TrekSevesoIn.Endpoint)
            .Validate<TrekSevesoIn.Verzoek>()
            .WithName("trekSevesoIn").WithSummary("De Seveso-aanwijzing intrekken per einddatum");
        schrijven.MapPost("/omgevingsdiensten/{code}/zelftoetsen", LegZelftoetsVast.Endpoint)
            .Validate<LegZelftoetsVast.Verzoek>()
            .WithName("legZelftoetsVast").WithSummary("De uitkomst van de zelftoets vastleggen");
        schrijven.MapPost("/omgevingsdiensten/{code}/opsplitsing", SplitsOp.Endpoint)
            .Validate<SplitsOp.Verzoek>()
            .WithName("splitsOp").WithSummary("Een omgevingsdienst opsplitsen in nieuwe omgevingsdiensten");
        schrijven.MapPost("/fusies", KondigFusieAan.Endpoint)
            .Validate<KondigFusieAan.Verzoek>()
            .WithName("kondigFusieAan").WithSummary("Een fusie aankondigen");
        schrijven.MapPost("/fusies/{opvolger}/voltooiing", VoltooiFusie.Endpoint)
            .WithName("voltooiFusie").WithSummary("Een aangekondigde fusie voltooien: deelnemers opgeheven, opvolger opgericht");
        schrijven.MapPost("/fusies/{opvolger}/annulering", AnnuleerFusie.Endpoint)
            .Validate<AnnuleerFusie.Verzoek>()
            .WithName("annuleerFusie").WithSummary("Een aangekondigde fusie annuleren");

        api.MapDeadLetterApi();
        return endpoints;
    }
}
