using Microsoft.OpenApi;
using RobuustOD.Assessment.Brieven;
using RobuustOD.Assessment.Features;
using RobuustOD.Assessment.Overzicht;
using RobuustOD.EventBackbone.Outgoing;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment;

/// <summary>
/// The HTTP surface of the assessment: the criteria catalogue (public), plans of approach (an OD for itself, or IenW),
/// assessments (drafted by the assessor and IenW, published and revised by IenW, read by the partners and the OD
/// itself), the letter and the national matrix. One route group per authorization policy.
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

        var publiek = api.MapGroup("").RequireAuthorization(Policies.Publiek);
        var ingelogd = api.MapGroup("").RequireAuthorization(Policies.Ingelogd);
        var ienwOfOd = api.MapGroup("").RequireAuthorization(Policies.IenwOfOd);
        var opstellen = api.MapGroup("").RequireAuthorization(Policies.IenwOfBeoordelaar);
        var ienw = api.MapGroup("").RequireAuthorization(Policies.Ienw);

        publiek.MapGet("/criteria", ZoekCriteria.Endpoint).WithTags("Criteria")
            .WithName("zoekCriteria").WithSummary("De robuustheidscriteria (huidige versies)");
        publiek.MapGet("/criteria/{nummer:int}", HaalCriteriumOp.Endpoint).WithTags("Criteria")
            .WithName("haalCriteriumOp").WithSummary("Eén criterium met al zijn versies");

        ingelogd.MapGet("/plannen-van-aanpak", ZoekPlannenVanAanpak.Endpoint)
            .WithName("zoekPlannenVanAanpak").WithSummary("De plannen van aanpak van een omgevingsdienst")
            .WithDescription("plannenVanAanpak: de plannen in het dossier. plannenInAfwachting: gezamenlijke plannen die nog op instemming "
                + "wachten (ingediend door of gericht aan deze omgevingsdienst); alleen voor IenW, de beoordelaar en de omgevingsdienst zelf.");
        ingelogd.MapGet("/beoordelingen", ZoekBeoordelingen.Endpoint)
            .WithName("zoekBeoordelingen").WithSummary("Beoordelingen zoeken op omgevingsdienst en ronde (concepten alleen voor IenW en beoordelaar)");
        ingelogd.MapGet("/beoordelingen/{id}", HaalBeoordelingOp.Endpoint)
            .WithName("haalBeoordelingOp").WithSummary("Eén beoordeling: de huidige versie, of een eerdere met ?versie=");
        ingelogd.MapGet("/beoordelingen/{id}/versies", ZoekVersies.Endpoint)
            .WithName("zoekVersies").WithSummary("De gepubliceerde versies: wie, wanneer, waarom");
        ingelogd.MapGet("/beoordelingen/{id}/verschillen", HaalVerschilOp.Endpoint)
            .WithName("haalVerschilOp").WithSummary("Het verschil tussen twee versies (?van=1&naar=2)");
        ingelogd.MapGet("/briefsjablonen/{ronde}", HaalBriefsjabloonOp.Endpoint).WithTags("Brieven")
            .WithName("haalBriefsjabloonOp").WithSummary("Het briefsjabloon van een ronde: de huidige versie en de lijst van versies");
        ingelogd.MapGet("/briefsjablonen/{ronde}/versies/{versie:int}", HaalBriefsjabloonversieOp.Endpoint).WithTags("Brieven")
            .WithName("haalBriefsjabloonversieOp").WithSummary("Eén (eerdere) versie van het briefsjabloon van een ronde");
        MapBrief(ingelogd);
        MapLandelijkOverzicht(ingelogd);

        ienwOfOd.MapPost("/plannen-van-aanpak", RegistreerPlanVanAanpak.Endpoint).Validate<RegistreerPlanVanAanpak.Verzoek>()
            .WithName("registreerPlanVanAanpak").WithSummary("Een (gezamenlijk) plan van aanpak registreren")
            .WithDescription("Een omgevingsdienst registreert alleen plannen die haarzelf noemen. Een gezamenlijk plan dat zij indient, "
                + "wacht op de instemming van elke andere genoemde omgevingsdienst (status wachtOpInstemming) en hoort pas daarna bij de "
                + "dossiers; registreert IenW het, dan geldt dat als instemming van allen (status geregistreerd).");
        ienwOfOd.MapPost("/plannen-van-aanpak/{id:guid}/instemming", StemInMetPlanVanAanpak.Endpoint)
            .Validate<StemInMetPlanVanAanpak.Verzoek>()
            .WithName("stemInMetPlanVanAanpak").WithSummary("Instemmen met een gezamenlijk plan van aanpak dat een andere omgevingsdienst indiende")
            .WithDescription("'omgevingsdienst' is de omgevingsdienst die instemt: met een OD-token alleen de eigen (anders 403); IenW kan "
                + "namens een genoemde omgevingsdienst instemmen. Met de laatste ontbrekende instemming wordt het plan gezamenlijk en hoort het "
                + "bij het dossier van elke genoemde omgevingsdienst. Nogmaals instemmen verandert niets (200); een plan dat de "
                + "omgevingsdienst niet noemt of niet bestaat geeft 404.");

        opstellen.MapPost("/beoordelingen", MaakBeoordelingAan.Endpoint).Validate<MaakBeoordelingAan.Verzoek>()
            .WithName("maakBeoordelingAan").WithSummary("Een conceptbeoordeling openen voor een omgevingsdienst en ronde");
        opstellen.MapPut("/beoordelingen/{id}/criteria/{nummer:int}", ScoorCriterium.Endpoint).Validate<ScoorCriterium.Verzoek>()
            .WithName("scoorCriterium").WithSummary("Een rij van de bijlage schrijven (concept)");
        opstellen.MapPut("/beoordelingen/{id}/oordeel", LegOordeelVast.Endpoint).Validate<LegOordeelVast.Verzoek>()
            .WithName("legOordeelVast").WithSummary("Oordeel, tekortkomingen, gespreksdatum en opmerkingen (concept)");
        opstellen.MapGet("/omgevingsdiensten/{omgevingsdienst}/historie", HaalDossierhistorieOp.Endpoint)
            .WithName("haalDossierhistorieOp").WithSummary("Alle gebeurtenissen van het beoordelingsdossier van een omgevingsdienst");

        ienw.MapPost("/criteria", VoegCriteriumToe.Endpoint).WithTags("Criteria").Validate<VoegCriteriumToe.Verzoek>()
            .WithName("voegCriteriumToe").WithSummary("Een criterium aan de catalogus toevoegen (bijv. de niet-openbare nummers)");
        ienw.MapPut("/criteria/{nummer:int}", WijzigCriterium.Endpoint).WithTags("Criteria").Validate<WijzigCriterium.Verzoek>()
            .WithName("wijzigCriterium").WithSummary("Een nieuwe versie van een criterium vaststellen; oude beoordelingen houden hun versie");
        ienw.MapPost("/beoordelingen/{id}/publicatie", PubliceerBeoordeling.Endpoint)
            .WithName("publiceerBeoordeling").WithSummary("Het concept publiceren als versie 1");
        ienw.MapPost("/beoordelingen/{id}/herzieningen", HerzieBeoordeling.Endpoint).Validate<HerzieBeoordeling.Verzoek>()
            .WithName("herzieBeoordeling").WithSummary("Een nieuwe versie vaststellen (de vorige blijft bewaard)");
        ienw.MapPut("/briefsjablonen/{ronde}", StelBriefsjabloonVast.Endpoint).WithTags("Brieven").Validate<StelBriefsjabloonVast.Verzoek>()
            .WithName("stelBriefsjabloonVast")
            .WithSummary("Een nieuwe versie van het briefsjabloon vaststellen (Liquid dat Markdown oplevert); oude versies blijven opvraagbaar")
            .WithDescription("Het sjabloon moet geldige Liquid zijn (Fluid); anders volgt 400 met de melding van de parser bij 'sjabloon'. "
                + "If-Match met het huidige versienummer als ETag (\"0\" als de ronde nog geen sjabloon heeft) voorkomt dat een nieuwere versie "
                + "wordt overschreven (412). Hetzelfde onderwerp en dezelfde tekst als de huidige versie voegen niets toe.");

        api.MapDeadLetterApi();
        endpoints.MapRegisterSubscription();
        return endpoints;
    }

    private static void MapBrief(RouteGroupBuilder ingelogd) =>
        ingelogd.MapGet("/beoordelingen/{id}/brief", HaalBriefOp.Endpoint)
            .WithTags("Brieven")
            .WithName("haalBriefOp")
            .WithSummary("De brief bij een gepubliceerde beoordeling, met de bijlage, als HTML-pagina (afdrukbaar) of als Markdown")
            .WithDescription("Kies met Accept: text/html (standaard, ook voor browsers) of text/markdown; andere typen geven 406. "
                + "Gerenderd met de huidige versie van het briefsjabloon van de ronde, of met ?sjabloonversie= een eerdere; ?versie= kiest "
                + "een eerdere versie van de beoordeling. Een concept heeft nog geen brief (409).")
            .Produces<string>(StatusCodes.Status200OK, Brief.Html, Brief.Markdown)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void MapLandelijkOverzicht(RouteGroupBuilder ingelogd) =>
        ingelogd.MapGet("/landelijk-overzicht", HaalLandelijkOverzichtOp.Endpoint)
            .WithTags("Overzicht")
            .WithName("haalLandelijkOverzichtOp")
            .WithSummary("Het landelijk overzicht van een ronde: per omgevingsdienst de stoplichten per criterium en de aantallen per kleur")
            .WithDescription("Alleen gepubliceerde beoordelingen (huidige versie). ?ronde= kiest de ronde; zonder ?ronde= de meest recente ronde "
                + "met een gepubliceerde beoordeling (hoogste jaartal, daarbinnen de laatst gepubliceerde ronde), die 'ronde' in het antwoord noemt; "
                + "is er nog niets gepubliceerd, dan 404. ?seveso=true|false filtert op de huidige Seveso-aanwijzing "
                + "in het register. Accept: application/json (standaard) of text/csv (puntkomma's, UTF-8 met BOM, per omgevingsdienst een rij "
                + "met de haalbaarheidscijfers en als laatste rijen de aantallen groen, oranje en rood per criterium); andere typen geven 406.")
            .Produces<LandelijkOverzicht.Matrix>(StatusCodes.Status200OK, LandelijkOverzicht.Json)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One status code, two representations: the CSV beside the JSON.
                if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } inhoud })
                {
                    inhoud[LandelijkOverzicht.Csv] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }

                return Task.CompletedTask;
            });
}
