using RobuustOD.Assessment.Features;
using RobuustOD.RegisterReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment;

/// <summary>
/// The HTTP surface of the assessment: the criteria catalogue (public), plans of approach (an OD for itself, or IenW),
/// assessments (drafted by the assessor and IenW, published and revised by IenW, read by the partners and the OD
/// itself), the letter and the national matrix.
/// </summary>
public static class BeoordelingApi
{
    public static readonly ApiDescriptor Descriptor = new("beoordeling", "Beoordeling van plannen van aanpak",
        "De beoordeling van de plannen van aanpak van de omgevingsdiensten per robuustheidscriterium, het oordeel en de brief met bijlage. "
        + "Volgt het register via diens gebeurtenissen.",
        "1.0.0");

    public static IEndpointRouteBuilder MapBeoordelingApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Descriptor).WithTags("Beoordeling");
        api.MapOmgevingsdienstView();

        var criteria = api.MapGroup("").WithTags("Criteria");
        criteria.MapGet("/criteria", CriteriaFeatures.Lijst).RequireAuthorization(Policies.Publiek)
            .WithName("zoekCriteria").WithSummary("De robuustheidscriteria (huidige versies)");
        criteria.MapGet("/criteria/{nummer:int}", CriteriaFeatures.HaalOp).RequireAuthorization(Policies.Publiek)
            .WithName("haalCriteriumOp").WithSummary("Eén criterium met al zijn versies");
        criteria.MapPost("/criteria", CriteriaFeatures.VoegToe).RequireAuthorization(Policies.Ienw).Validate<CriteriaFeatures.NieuwCriterium>()
            .WithName("voegCriteriumToe").WithSummary("Een criterium aan de catalogus toevoegen (bijv. de niet-openbare nummers)");
        criteria.MapPut("/criteria/{nummer:int}", CriteriaFeatures.NieuweVersieVan).RequireAuthorization(Policies.Ienw).Validate<CriteriaFeatures.NieuweVersie>()
            .WithName("wijzigCriterium").WithSummary("Een nieuwe versie van een criterium vaststellen; oude beoordelingen houden hun versie");

        api.MapPost("/plannen-van-aanpak", RegistreerPlanVanAanpak.Endpoint).RequireAuthorization(Policies.IenwOfOd)
            .Validate<RegistreerPlanVanAanpak.Verzoek>()
            .WithName("registreerPlanVanAanpak").WithSummary("Een (gezamenlijk) plan van aanpak registreren");
        api.MapGet("/plannen-van-aanpak", RegistreerPlanVanAanpak.Lijst).RequireAuthorization(Policies.Ingelogd)
            .WithName("zoekPlannenVanAanpak").WithSummary("De plannen van aanpak van een omgevingsdienst");

        var beoordelingen = api.MapGroup("/beoordelingen");
        // Collection routes are mapped on the API group itself: an empty pattern in a sub-group ends in a slash.
        api.MapGet("/beoordelingen", BeoordelingLezen.Zoek).RequireAuthorization(Policies.Ingelogd)
            .WithName("zoekBeoordelingen").WithSummary("Beoordelingen zoeken op omgevingsdienst en ronde (concepten alleen voor IenW en beoordelaar)");
        beoordelingen.MapGet("/{id}", BeoordelingLezen.HaalOp).RequireAuthorization(Policies.Ingelogd)
            .WithName("haalBeoordelingOp").WithSummary("Eén beoordeling: de huidige versie, of een eerdere met ?versie=");
        beoordelingen.MapGet("/{id}/versies", BeoordelingLezen.Lijst).RequireAuthorization(Policies.Ingelogd)
            .WithName("zoekVersies").WithSummary("De gepubliceerde versies: wie, wanneer, waarom");
        beoordelingen.MapGet("/{id}/verschillen", BeoordelingLezen.Verschillen).RequireAuthorization(Policies.Ingelogd)
            .WithName("haalVerschilOp").WithSummary("Het verschil tussen twee versies (?van=1&naar=2)");
        api.MapPost("/beoordelingen", BeoordelingOpstellen.Aanmaken).RequireAuthorization(Policies.IenwOfBeoordelaar)
            .Validate<BeoordelingOpstellen.NieuweBeoordeling>()
            .WithName("maakBeoordelingAan").WithSummary("Een conceptbeoordeling openen voor een omgevingsdienst en ronde");
        beoordelingen.MapPut("/{id}/criteria/{nummer:int}", BeoordelingOpstellen.Scoren).RequireAuthorization(Policies.IenwOfBeoordelaar)
            .Validate<BeoordelingOpstellen.Score>()
            .WithName("scoorCriterium").WithSummary("Een rij van de bijlage schrijven (concept)");
        beoordelingen.MapPut("/{id}/oordeel", BeoordelingOpstellen.OordeelVastleggen).RequireAuthorization(Policies.IenwOfBeoordelaar)
            .Validate<BeoordelingOpstellen.OordeelVerzoek>()
            .WithName("legOordeelVast").WithSummary("Oordeel, tekortkomingen, gespreksdatum en opmerkingen (concept)");
        beoordelingen.MapPost("/{id}/publicatie", BeoordelingVaststellen.Publiceren).RequireAuthorization(Policies.Ienw)
            .WithName("publiceerBeoordeling").WithSummary("Het concept publiceren als versie 1");
        beoordelingen.MapPost("/{id}/herzieningen", BeoordelingVaststellen.Herzien).RequireAuthorization(Policies.Ienw)
            .Validate<BeoordelingVaststellen.Herziening>()
            .WithName("herzieBeoordeling").WithSummary("Een nieuwe versie vaststellen (de vorige blijft bewaard)");

        api.MapGet("/omgevingsdiensten/{omgevingsdienst}/historie", BeoordelingLezen.HaalHistorieOp).RequireAuthorization(Policies.IenwOfBeoordelaar)
            .WithName("haalDossierhistorieOp").WithSummary("Alle gebeurtenissen van het beoordelingsdossier van een omgevingsdienst");

        Brieven.BriefEnOverzichtApi.MapBriefEnOverzicht(api);
        api.MapDeadLetterApi();
        endpoints.MapRegisterSubscription();
        return endpoints;
    }
}
