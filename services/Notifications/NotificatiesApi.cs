using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Notifications.Afleveringen;
using RobuustOD.Notifications.Features;

namespace RobuustOD.Notifications;

/// <summary>The HTTP surface of this service.</summary>
public static class NotificatiesApi
{
    public static readonly ApiDescriptor Descriptor = new("notificaties", "Notificaties van RobuustOD",
        "Webhook-abonnementen op de gebeurtenissen van het register, de beoordeling, de monitoring en de subsidies: ondertekend (Standard Webhooks), "
        + "ten minste één keer afgeleverd, op volgorde per omgevingsdienst, met herhaalpogingen, een logboek per poging, herbezorging en een pull-terugvaloptie.",
        "1.0.0");

    public static IEndpointRouteBuilder MapNotificatiesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapApiGroup(Descriptor).WithTags("Notificaties").RequireAuthorization(Policies.Ingelogd);

        api.MapPost("/abonnementen", MaakAbonnementAan.Endpoint).Validate<MaakAbonnementAan.Verzoek>()
            .WithName("maakAbonnementAan").WithSummary("Een abonnement aanmaken: na de validatie (OPTIONS) en een ondertekende testgebeurtenis; het geheim staat eenmalig in het antwoord");
        api.MapGet("/abonnementen", ZoekAbonnementen.Endpoint)
            .WithName("zoekAbonnementen").WithSummary("De abonnementen van de aanroeper (IenW: alle)");
        api.MapGet("/abonnementen/{id}", HaalAbonnementOp.Endpoint)
            .WithName("haalAbonnementOp").WithSummary("Eén abonnement (met ETag)");
        api.MapPatch("/abonnementen/{id}", WijzigAbonnement.Endpoint).Validate<WijzigAbonnement.Verzoek>()
            .WithName("wijzigAbonnement").WithSummary("Een abonnement wijzigen (If-Match); een nieuwe sink doorloopt de validatie opnieuw");
        api.MapDelete("/abonnementen/{id}", VerwijderAbonnement.Endpoint)
            .WithName("verwijderAbonnement").WithSummary("Een abonnement verwijderen: geen nieuwe afleveringen; wat er was, blijft bewaard");
        api.MapPost("/abonnementen/{id}/pauze", PauzeerAbonnement.Endpoint)
            .WithName("pauzeerAbonnement").WithSummary("Een abonnement pauzeren: afleveringen wachten tot hervatting");
        api.MapPost("/abonnementen/{id}/hervatting", HervatAbonnement.Endpoint)
            .WithName("hervatAbonnement").WithSummary("Een gepauzeerd, opgeschort of uitgeschakeld abonnement hervatten (of de markering van een mislukte aflevering wissen)");
        api.MapPost("/abonnementen/{id}/geheim/rotatie", RoteerGeheim.Endpoint).Validate<RoteerGeheim.Verzoek>()
            .WithName("roteerGeheim").WithSummary("Een nieuw ondertekengeheim (eenmalig getoond); het vorige blijft geldig tijdens de overgangsperiode en beide handtekeningen worden meegestuurd");
        api.MapPost("/abonnementen/{id}/test", StuurTestgebeurtenis.Endpoint).Validate<StuurTestgebeurtenis.Verzoek>()
            .WithName("stuurTestgebeurtenis").WithSummary("Een ondertekende testaflevering van een type dat het abonnement ontvangt");
        api.MapGet("/abonnementen/{id}/afleveringen", ZoekAfleveringen.Endpoint).Validate<ZoekAfleveringen.Parameters>()
            .WithName("zoekAfleveringen").WithSummary("De afleveringen van een abonnement op volgorde, te filteren op status (mislukt blijft staan)");
        api.MapGet("/abonnementen/{id}/afleveringen/{afleveringId}", ZoekAfleveringen.Een)
            .WithName("haalAfleveringOp").WithSummary("Eén aflevering met het logboek van haar pogingen");
        api.MapPost("/abonnementen/{id}/afleveringen/{afleveringId}/herbezorging", Herbezorg.Een)
            .WithName("herbezorgAflevering").WithSummary("Eén aflevering opnieuw bezorgen");
        api.MapPost("/abonnementen/{id}/mislukte-afleveringen/herbezorging", Herbezorg.Mislukt).Validate<Herbezorg.MisluktVerzoek>()
            .WithName("herbezorgMislukteAfleveringen").WithSummary("Alles wat sinds een tijdstip definitief mislukte opnieuw bezorgen");
        api.MapPost("/abonnementen/{id}/gebeurtenissen/herbezorging", Herbezorg.Vanaf).Validate<Herbezorg.VanafVerzoek>()
            .WithName("herbezorgGebeurtenissen").WithSummary("Alles na een volgnummer opnieuw bezorgen, ongeacht de status");
        api.MapGet("/abonnementen/{id}/gebeurtenissen", HaalGebeurtenissenOp.Endpoint).Validate<HaalGebeurtenissenOp.Parameters>()
            .WithName("haalGebeurtenissenOp").WithSummary("Terugvaloptie: de gebeurtenissen die het abonnement na een volgnummer ontving of zou ontvangen, als CloudEvents");

        Ontvangst.MapOntvangst(endpoints);
        return endpoints;
    }
}
