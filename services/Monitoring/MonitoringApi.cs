using RobuustOD.CatalogusReadModel;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Bijsturing;
using RobuustOD.Monitoring.Features;
using RobuustOD.Monitoring.Kamerrapportages;
using RobuustOD.Monitoring.Nulmetingen;

namespace RobuustOD.Monitoring;

/// <summary>The HTTP surface of this service.</summary>
public static class MonitoringApi
{
    public static readonly ApiDescriptor Descriptor = new("monitoring", "Monitoring van de voortgang",
        "De monitoring van de voortgang van de omgevingsdiensten: voortgangsrapportages en eindrapportage. Volgt het register via diens gebeurtenissen.",
        "1.0.0");

    public static IEndpointRouteBuilder MapMonitoringApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Descriptor).WithTags("Monitoring");
        // The OD's monitoring dossier replaces the plain register view every service has.
        api.MapGet("/omgevingsdiensten/{code}", HaalMonitoringdossierOp.Endpoint).RequireAuthorization(Policies.Ingelogd)
            .WithName("haalOmgevingsdienstOp")
            .WithSummary("Het monitoringdossier van een omgevingsdienst: het register, de basislijn, de status per ronde, oordelen, eindresultaat, open escalaties, gesprekken, besluiten en één tijdlijn")
            .WithDescription("Escalaties, gesprekken en besluiten alleen voor IenW, de beoordelaar en de omgevingsdienst zelf (anders null); een andere omgevingsdienst krijgt 403. "
                + "Status per ronde: nietVerschuldigd (nog geen termijn), verschuldigd, verzuimd, tijdigIngediend, teLaatIngediend, beoordeeld.")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapBijsturingApi();

        // Due dates are not public: every read needs a token; a report's own read rule lives in its feature.
        var ingelogd = api.MapGroup("").RequireAuthorization(Policies.Ingelogd);
        ingelogd.MapGet("/rapportagerondes", HaalRapportagerondesOp.Endpoint)
            .WithName("haalRapportagerondesOp").WithSummary("Alle rapportagerondes: periode, uiterste indieningsdatum (null = onbekend) en formatversie");
        ingelogd.MapGet("/rapportagerondes/{id}", HaalRapportagerondeOp.Endpoint)
            .WithName("haalRapportagerondeOp").WithSummary("Eén rapportageronde (met ETag)");
        ingelogd.MapGet("/rapportagerondes/{id}/termijnen", HaalTermijnenOp.Endpoint).Validate<HaalTermijnenOp.Parameters>()
            .WithName("haalTermijnenOp")
            .WithSummary("Termijnen in één oogopslag: per omgevingsdienst tijdig, te laat, verzuimd of nog niet verlopen (?seveso=true&provincie=Groningen; een OD ziet alleen zichzelf)");
        ingelogd.MapGet("/rapportageformat", HaalRapportageformatOp.Endpoint)
            .WithName("haalRapportageformatOp").WithSummary("De huidige editie van het rapportageformat (met ETag)");
        ingelogd.MapGet("/rapportageformat/versies/{versie}", HaalRapportageformatVersieOp.Endpoint)
            .WithName("haalRapportageformatVersieOp").WithSummary("Een editie van het rapportageformat");
        ingelogd.MapGet("/voortgangsrapportages/{id}", HaalVoortgangsrapportageOp.Endpoint)
            .WithName("haalVoortgangsrapportageOp")
            .WithSummary("Een voortgangsrapportage (of met ?versie=n een ingediende versie) met de automatische beoordeling van de meetbare criteria, tijdig/te laat/verzuimd en de trend per criterium (een concept alleen voor de OD zelf, IenW en de beoordelaar)");
        ingelogd.MapGet("/voortgangsrapportages/{id}/versies", ZoekRapportageversies.Endpoint)
            .WithName("zoekRapportageversies").WithSummary("De ingediende versies van een rapportage: de indiening en elke correctie, wie, wanneer, waarom");
        ingelogd.MapGet("/voortgangsrapportages/{id}/verschillen", HaalRapportageverschilOp.Endpoint)
            .WithName("haalRapportageverschilOp").WithSummary("Het verschil tussen twee versies van een rapportage (?van=1&naar=2)");

        var ienw = api.MapGroup("").RequireAuthorization(Policies.Ienw);
        ienw.MapPost("/rapportagerondes", MaakRapportagerondeAan.Endpoint).Validate<MaakRapportagerondeAan.Verzoek>()
            .WithName("maakRapportagerondeAan").WithSummary("Een rapportageronde aanmaken");
        ienw.MapPut("/rapportagerondes/{id}", WijzigRapportageronde.Endpoint).Validate<WijzigRapportageronde.Verzoek>()
            .WithName("wijzigRapportageronde").WithSummary("Een rapportageronde wijzigen, bijv. de uiterste indieningsdatum vaststellen (If-Match)");
        ienw.MapPut("/rapportageformat", StelRapportageformatVast.Endpoint).Validate<StelRapportageformatVast.Verzoek>()
            .WithName("stelRapportageformatVast").WithSummary("Een nieuwe editie van het rapportageformat vaststellen (If-Match); bestaande rapportages houden hun editie");

        var ienwOfOd = api.MapGroup("").RequireAuthorization(Policies.IenwOfOd);
        ienwOfOd.MapPost("/voortgangsrapportages", MaakVoortgangsrapportageAan.Endpoint).Validate<MaakVoortgangsrapportageAan.Verzoek>()
            .WithName("maakVoortgangsrapportageAan").WithSummary("Een concept-voortgangsrapportage openen voor omgevingsdienst en ronde (id {code}-{ronde}); een OD alleen voor zichzelf");
        ienwOfOd.MapPut("/voortgangsrapportages/{id}/kerngetallen", VulKerngetallenIn.Endpoint).Validate<VulKerngetallenIn.Verzoek>()
            .WithName("vulKerngetallenIn").WithSummary("De kerngetallen van een concept invullen (alle tegelijk; null = onbekend)");
        ienwOfOd.MapPut("/voortgangsrapportages/{id}/criteria/{nummer}", VulCriteriumIn.Endpoint).Validate<VulCriteriumIn.Verzoek>()
            .WithName("vulCriteriumIn").WithSummary("Per criterium maatregelen, planning per kwartaal, risico's en de eigen haalbaarheid (1 groen, 2 oranje, 3 rood)");
        ienwOfOd.MapPost("/voortgangsrapportages/{id}/indiening", DienVoortgangsrapportageIn.Endpoint).Validate<DienVoortgangsrapportageIn.Verzoek>()
            .WithName("dienVoortgangsrapportageIn").WithSummary("Het concept indienen; daarna is de rapportage onveranderlijk en legt ze de drempels uit de catalogus vast");
        ienwOfOd.MapPost("/voortgangsrapportages/{id}/correcties", CorrigeerVoortgangsrapportage.Endpoint).Validate<CorrigeerVoortgangsrapportage.Verzoek>()
            .WithName("corrigeerVoortgangsrapportage").WithSummary("Een ingediende rapportage corrigeren: een nieuwe versie met reden (wie, wanneer, waarom); eerdere versies blijven");

        api.MapKamerrapportageApi();

        endpoints.MapRegisterSubscription();
        endpoints.MapBeoordelingSubscription(on => on.OnNulmeting());
        return endpoints;
    }
}
