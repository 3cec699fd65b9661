using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Features;

namespace RobuustOD.Monitoring.Bijsturing;

/// <summary>The routes of judgement and escalation (called from <see cref="MonitoringApi"/>).</summary>
public static class BijsturingApi
{
    public static RouteGroupBuilder MapBijsturingApi(this RouteGroupBuilder api)
    {
        // Reads need a token; what a role sees is decided per feature (BijsturingToegang).
        var ingelogd = api.MapGroup("").RequireAuthorization(Policies.Ingelogd);
        ingelogd.MapGet("/voortgangsrapportages/{id}/oordeel", HaalOordeelOp.Endpoint)
            .WithName("haalOordeelOp").WithSummary("Het oordeel over een voortgangsrapportage (het concept alleen voor IenW en de beoordelaar)");
        ingelogd.MapGet("/omgevingsdiensten/{code}/oordelen", ZoekOordelen.Endpoint)
            .WithName("zoekOordelen").WithSummary("Alle oordelen over de rapportages van een omgevingsdienst, met het eindresultaat");
        ingelogd.MapGet("/uitkomstcategorieen", HaalUitkomstcategorieenOp.Endpoint)
            .WithName("haalUitkomstcategorieenOp").WithSummary("De uitkomstcategorieën van een oordeel (huidige versie, met ETag)");
        ingelogd.MapGet("/uitkomstcategorieen/versies/{versie}", HaalUitkomstcategorieenOp.Versie)
            .WithName("haalUitkomstcategorieenVersieOp").WithSummary("Een versie van de uitkomstcategorieën");
        ingelogd.MapGet("/escalatieregels", HaalEscalatieregelsOp.Endpoint)
            .WithName("haalEscalatieregelsOp").WithSummary("De escalatieregels (huidige versie, met ETag)");
        ingelogd.MapGet("/escalatieregels/versies/{versie}", HaalEscalatieregelsOp.Versie)
            .WithName("haalEscalatieregelsVersieOp").WithSummary("Een versie van de escalatieregels, bijv. die een oordeel noemt (regelsVersie)");
        ingelogd.MapGet("/escalaties", ZoekEscalaties.Endpoint)
            .WithName("zoekEscalaties").WithSummary("Escalatiestappen per omgevingsdienst of landelijk; filters status (open, gepland, afgerond), stap en ronde");
        ingelogd.MapGet("/escalaties/{id}", HaalEscalatieOp.Endpoint)
            .WithName("haalEscalatieOp").WithSummary("Eén escalatiestap ({code}-{ronde}-{stap})");
        ingelogd.MapGet("/gesprekken", ZoekGesprekken.Endpoint)
            .WithName("zoekGesprekken").WithSummary("Gesprekken per omgevingsdienst of alle; filter soort (ambtelijk, bestuurlijk, dgGedeputeerden)");
        ingelogd.MapGet("/gesprekken/{id}", HaalGesprekOp.Endpoint)
            .WithName("haalGesprekOp").WithSummary("Eén gesprek");
        ingelogd.MapGet("/besluiten", ZoekBesluiten.Endpoint)
            .WithName("zoekBesluiten").WithSummary("Besluiten over maatregelen per omgevingsdienst of alle");
        ingelogd.MapGet("/besluiten/{id}", HaalBesluitOp.Endpoint)
            .WithName("haalBesluitOp").WithSummary("Eén besluit over maatregelen");
        ingelogd.MapGet("/eindresultaten", ZoekEindresultaten.Endpoint)
            .WithName("zoekEindresultaten").WithSummary("Het gepubliceerde eindresultaat: per omgevingsdienst of zij op 1 april 2026 robuust was (ja, nee, nietZelfstandig)");

        var beoordelen = api.MapGroup("").RequireAuthorization(Policies.IenwOfBeoordelaar);
        beoordelen.MapPost("/voortgangsrapportages/{id}/oordeel", BeoordeelVoortgang.Endpoint).Validate<BeoordeelVoortgang.Verzoek>()
            .WithName("beoordeelVoortgang")
            .WithSummary("Een ingediende rapportage beoordelen: de beoordelaar legt een concept vast, IenW stelt het oordeel vast en opent zo de escalatiestappen van de regels");

        var ienw = api.MapGroup("").RequireAuthorization(Policies.Ienw);
        ienw.MapPut("/uitkomstcategorieen", StelUitkomstcategorieenVast.Endpoint).Validate<StelUitkomstcategorieenVast.Verzoek>()
            .WithName("stelUitkomstcategorieenVast").WithSummary("Een nieuwe versie van de uitkomstcategorieën vaststellen (If-Match)");
        ienw.MapPut("/escalatieregels", StelEscalatieregelsVast.Endpoint).Validate<StelEscalatieregelsVast.Verzoek>()
            .WithName("stelEscalatieregelsVast").WithSummary("Een nieuwe versie van de escalatieregels vaststellen (If-Match); geldt voor oordelen daarna");
        ienw.MapPost("/escalaties/{id}/planning", PlanEscalatie.Endpoint).Validate<PlanEscalatie.Verzoek>()
            .WithName("planEscalatie").WithSummary("Een open escalatiestap plannen op een datum");
        ienw.MapPost("/escalaties/{id}/afronding", RondEscalatieAf.Endpoint).Validate<RondEscalatieAf.Verzoek>()
            .WithName("rondEscalatieAf").WithSummary("Een escalatiestap afronden: gehouden of genomen, met uitkomst en vervolg");
        ienw.MapPost("/gesprekken", LegGesprekVast.Endpoint).Validate<LegGesprekVast.Verzoek>()
            .WithName("legGesprekVast").WithSummary("Een gesprek vastleggen (ambtelijk, bestuurlijk, dgGedeputeerden), eventueel bij een escalatiestap");
        ienw.MapPost("/besluiten", NeemBesluit.Endpoint).Validate<NeemBesluit.Verzoek>()
            .WithName("neemBesluit").WithSummary("Een besluit over maatregelen vastleggen voor een of meer omgevingsdiensten; kan escalatiestappen afronden");
        return api;
    }
}
