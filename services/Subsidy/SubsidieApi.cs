using RobuustOD.CatalogusReadModel;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.RegisterReadModel;
using RobuustOD.Subsidy.Beschikkingen;
using RobuustOD.Subsidy.Features;

namespace RobuustOD.Subsidy;

/// <summary>The HTTP surface of this service.</summary>
public static class SubsidieApi
{
    public static readonly ApiDescriptor Descriptor = new("subsidie", "Subsidies voor robuuste omgevingsdiensten",
        "De subsidieaanvragen van omgevingsdiensten: de bijdrage uit de EUR 7 miljoen via Omgevingsdienst NL en de incidentele subsidie voor fusie of opsplitsing. Volgt het register via diens gebeurtenissen.",
        "1.0.0");

    public static IEndpointRouteBuilder MapSubsidieApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Descriptor).WithTags("Subsidie");

        var ingelogd = api.MapGroup("").RequireAuthorization(Policies.Ingelogd);
        ingelogd.MapGet("/regelingen", HaalRegelingenOp.Endpoint)
            .WithName("haalRegelingenOp").WithSummary("De subsidieregelingen met hun regels (null = onbekend, beperkt niet) en hun budget");
        ingelogd.MapGet("/regelingen/{code}", HaalRegelingOp.Endpoint)
            .WithName("haalRegelingOp").WithSummary("Eén regeling (met ETag) met haar budget: plafond, verplicht, betaald, vastgesteld, vrijgevallen, beschikbaar");
        ingelogd.MapGet("/regelingen/{code}/budgetverloop", HaalBudgetverloopOp.Endpoint).Validate<HaalBudgetverloopOp.Parameters>()
            .WithName("haalBudgetverloopOp").WithSummary("Het budget van een regeling in de tijd, per dag of per maand: de stand aan het eind van elke periode met een boeking");
        ingelogd.MapGet("/regelingen/{code}/criteria", HaalCriteriumoverzichtOp.Endpoint)
            .WithName("haalCriteriumoverzichtOp").WithSummary("Per robuustheidscriterium het aangevraagde en verleende geld onder een regeling");
        ingelogd.MapGet("/omgevingsdiensten/{code}", HaalSubsidieoverzichtOp.Endpoint)
            .WithName("haalOmgevingsdienstOp").WithSummary("Een omgevingsdienst zoals deze dienst hem kent uit het register, met zijn subsidieoverzicht per regeling");
        ingelogd.MapGet("/aanvragen", ZoekAanvragen.Endpoint).Validate<ZoekAanvragen.Parameters>()
            .WithName("zoekAanvragen").WithSummary("Aanvragen, te filteren op regeling, omgevingsdienst en status (alleen wat de aanroeper mag zien)");
        ingelogd.MapGet("/aanvragen/{id}", HaalAanvraagOp.Endpoint)
            .WithName("haalAanvraagOp").WithSummary("Eén aanvraag (met ETag), voor de omgevingsdienst zelf, de behandelaar van de regeling en IenW");
        ingelogd.MapGet("/aanvragen/{id}/beschikking", HaalBeschikkingOp.Endpoint)
            .WithName("haalBeschikkingOp").WithSummary("De beschikking op een aanvraag: Accept text/html (afdrukbaar) of text/markdown")
            .Produces<string>(StatusCodes.Status200OK, Beschikking.HtmlType, Beschikking.MarkdownType)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status409Conflict);
        ingelogd.MapGet("/beschikkingsjabloon", HaalBeschikkingsjabloonOp.Endpoint)
            .WithName("haalBeschikkingsjabloonOp").WithSummary("De huidige versie van het beschikkingsjabloon (Liquid, uitvoer Markdown; met ETag)");

        var aanvrager = api.MapGroup("").RequireAuthorization(SubsidiePolicies.Aanvrager);
        aanvrager.MapPost("/aanvragen", MaakAanvraagAan.Endpoint).Validate<MaakAanvraagAan.Verzoek>()
            .WithName("maakAanvraagAan").WithSummary("Een concept-aanvraag opstellen onder een regeling; een omgevingsdienst alleen voor zichzelf");
        aanvrager.MapPut("/aanvragen/{id}", WijzigAanvraag.Endpoint).Validate<MaakAanvraagAan.Verzoek>()
            .WithName("wijzigAanvraag").WithSummary("Een concept-aanvraag vervangen (zelfde inhoud als bij het opstellen, If-Match); na indiening 409");
        aanvrager.MapPost("/aanvragen/{id}/indiening", DienAanvraagIn.Endpoint)
            .WithName("dienAanvraagIn").WithSummary("De aanvraag indienen: toets op subsidiabiliteit (409 met elke reden), daarna onveranderlijk");
        aanvrager.MapPost("/aanvragen/{id}/informatie", LeverInformatieAan.Endpoint).Validate<LeverInformatieAan.Verzoek>()
            .WithName("leverInformatieAan").WithSummary("De gevraagde informatie aanleveren; de beslistermijn loopt weer");
        aanvrager.MapPost("/aanvragen/{id}/verantwoording", DienVerantwoordingIn.Endpoint).Validate<DienVerantwoordingIn.Verzoek>()
            .WithName("dienVerantwoordingIn").WithSummary("De verantwoording: de gerealiseerde kosten per activiteit");
        aanvrager.MapPost("/aanvragen/{id}/bezwaar", DienBezwaarIn.Endpoint).Validate<DienBezwaarIn.Verzoek>()
            .WithName("dienBezwaarIn").WithSummary("Bezwaar maken tegen het besluit, binnen zes weken");

        var behandelaar = api.MapGroup("").RequireAuthorization(SubsidiePolicies.Behandelaar);
        behandelaar.MapPut("/regelingen/{code}", StelRegelingVast.Endpoint).Validate<StelRegelingVast.Verzoek>()
            .WithName("stelRegelingVast").WithSummary("Een nieuwe versie van een regeling vaststellen (eigenaar, If-Match); geldt voor aanvragen die daarna worden ingediend");
        behandelaar.MapPost("/aanvragen/{id}/behandeling", NeemAanvraagInBehandeling.Endpoint)
            .WithName("neemAanvraagInBehandeling").WithSummary("Een ingediende aanvraag in behandeling nemen");
        behandelaar.MapPost("/aanvragen/{id}/informatieverzoek", VraagInformatie.Endpoint).Validate<VraagInformatie.Verzoek>()
            .WithName("vraagInformatie").WithSummary("De omgevingsdienst om informatie vragen; de beslistermijn is opgeschort tot het antwoord");
        behandelaar.MapPost("/aanvragen/{id}/besluit", NeemBesluit.Endpoint).Validate<NeemBesluit.Verzoek>()
            .WithName("neemBesluit").WithSummary("Besluiten: verleend (geheel of gedeeltelijk, per activiteit) of geweigerd, met motivering; verlening verplicht het bedrag onder het plafond (409 met wat nog beschikbaar is)");
        behandelaar.MapPost("/aanvragen/{id}/besluit/bekrachtiging", BekrachtigBesluit.Endpoint)
            .WithName("bekrachtigBesluit").WithSummary("Vier ogen: een tweede, andere behandelaar bekrachtigt het voorgestelde besluit");
        behandelaar.MapPost("/aanvragen/{id}/vaststelling", StelSubsidieVast.Endpoint).Validate<StelSubsidieVast.Verzoek>()
            .WithName("stelSubsidieVast").WithSummary("De subsidie vaststellen (hoogstens verleend); het verschil valt vrij, een te hoog voorschot wordt teruggevorderd");
        behandelaar.MapPost("/aanvragen/{id}/bezwaar/beslissing", BeslisOpBezwaar.Endpoint).Validate<BeslisOpBezwaar.Verzoek>()
            .WithName("beslisOpBezwaar").WithSummary("Beslissen op het bezwaar; gegrond kan het besluit en de verplichting wijzigen");
        behandelaar.MapPut("/beschikkingsjabloon", StelBeschikkingsjabloonVast.Endpoint).Validate<StelBeschikkingsjabloonVast.Verzoek>()
            .WithName("stelBeschikkingsjabloonVast").WithSummary("Een nieuwe versie van het beschikkingsjabloon (If-Match)");
        behandelaar.MapGet("/exporten/aanvragen", Exporteer.Aanvragen).Validate<ZoekAanvragen.Parameters>()
            .WithName("exporteerAanvragen").WithSummary("De aanvragen als CSV").Produces<string>(StatusCodes.Status200OK, Exporteer.Csv);
        behandelaar.MapGet("/exporten/verleningen", Exporteer.Verleningen).Validate<ZoekAanvragen.Parameters>()
            .WithName("exporteerVerleningen").WithSummary("De verleningen per activiteit als CSV").Produces<string>(StatusCodes.Status200OK, Exporteer.Csv);
        behandelaar.MapGet("/exporten/betalingen", Exporteer.Betalingen).Validate<ZoekAanvragen.Parameters>()
            .WithName("exporteerBetalingen").WithSummary("De betalingen en terugvorderingen als CSV").Produces<string>(StatusCodes.Status200OK, Exporteer.Csv);

        endpoints.MapRegisterSubscription();
        endpoints.MapBeoordelingSubscription();
        return endpoints;
    }
}
