using Microsoft.OpenApi;
using RobuustOD.Assessment.Overzicht;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Assessment.Brieven;

/// <summary>The endpoints of the letter templates, the letter and the national matrix (mapped from <see cref="BeoordelingApi"/>).</summary>
public static class BriefEnOverzichtApi
{
    public static RouteGroupBuilder MapBriefEnOverzicht(RouteGroupBuilder api)
    {
        var sjablonen = api.MapGroup("/briefsjablonen").WithTags("Brieven");
        sjablonen.MapGet("/{ronde}", SjabloonBeheer.HaalOp).RequireAuthorization(Policies.Ingelogd)
            .WithName("haalBriefsjabloonOp").WithSummary("Het briefsjabloon van een ronde: de huidige versie en de lijst van versies");
        sjablonen.MapGet("/{ronde}/versies/{versie:int}", SjabloonBeheer.HaalVersieOp).RequireAuthorization(Policies.Ingelogd)
            .WithName("haalBriefsjabloonversieOp").WithSummary("Eén (eerdere) versie van het briefsjabloon van een ronde");
        sjablonen.MapPut("/{ronde}", SjabloonBeheer.StelVast).RequireAuthorization(Policies.Ienw).Validate<SjabloonBeheer.NieuweVersie>()
            .WithName("stelBriefsjabloonVast")
            .WithSummary("Een nieuwe versie van het briefsjabloon vaststellen (Liquid dat Markdown oplevert); oude versies blijven opvraagbaar")
            .WithDescription("Het sjabloon moet geldige Liquid zijn (Fluid); anders volgt 400 met de melding van de parser bij 'sjabloon'. "
                + "If-Match met het huidige versienummer als ETag (\"0\" als de ronde nog geen sjabloon heeft) voorkomt dat een nieuwere versie "
                + "wordt overschreven (412). Hetzelfde onderwerp en dezelfde tekst als de huidige versie voegen niets toe.");

        api.MapGet("/beoordelingen/{id}/brief", Brief.HaalOp).RequireAuthorization(Policies.Ingelogd)
            .WithTags("Brieven")
            .WithName("haalBriefOp")
            .WithSummary("De brief bij een gepubliceerde beoordeling, met de bijlage, als HTML-pagina (afdrukbaar) of als Markdown")
            .WithDescription("Kies met Accept: text/html (standaard, ook voor browsers) of text/markdown; andere typen geven 406. "
                + "Gerenderd met de huidige versie van het briefsjabloon van de ronde, of met ?sjabloonversie= een eerdere; ?versie= kiest "
                + "een eerdere versie van de beoordeling. Een concept heeft nog geen brief (409).")
            .Produces<string>(StatusCodes.Status200OK, Brief.Html, Brief.Markdown)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/landelijk-overzicht", LandelijkOverzicht.HaalOp).RequireAuthorization(Policies.Ingelogd)
            .WithTags("Overzicht")
            .WithName("haalLandelijkOverzichtOp")
            .WithSummary("Het landelijk overzicht van een ronde: per omgevingsdienst de stoplichten per criterium en de aantallen per kleur")
            .WithDescription("Alleen gepubliceerde beoordelingen (huidige versie). ?seveso=true|false filtert op de huidige Seveso-aanwijzing "
                + "in het register. Accept: application/json (standaard) of text/csv (puntkomma's, UTF-8 met BOM, per omgevingsdienst een rij "
                + "met de haalbaarheidscijfers en als laatste rijen de aantallen groen, oranje en rood per criterium); andere typen geven 406.")
            .Produces<LandelijkOverzicht.Matrix>(StatusCodes.Status200OK, LandelijkOverzicht.Json)
            .ProducesProblem(StatusCodes.Status406NotAcceptable)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                // One status code, two representations: the CSV beside the JSON, and 'ronde' is required.
                if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } inhoud })
                {
                    inhoud[LandelijkOverzicht.Csv] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }

                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>().Where(p => p.Name == "ronde") ?? [])
                {
                    parameter.Required = true;
                }

                return Task.CompletedTask;
            });
        return api;
    }
}
