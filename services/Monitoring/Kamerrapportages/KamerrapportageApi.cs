using Microsoft.OpenApi;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Features;

namespace RobuustOD.Monitoring.Kamerrapportages;

/// <summary>The routes of the report to parliament: frozen versions for every role, the draft and the freezing for IenW.</summary>
public static class KamerrapportageApi
{
    private static readonly string[] Weergaven = ["text/html", "text/markdown", "text/csv"];

    private const string Formaten = "Accept: application/json (standaard), text/html (afdrukbaar, A4), text/markdown of text/csv "
        + "(puntkomma's, UTF-8 met BOM, per aantal een rij: onderdeel;groep;categorie;aantal;omgevingsdiensten); andere typen geven 406.";

    public static RouteGroupBuilder MapKamerrapportageApi(this RouteGroupBuilder api)
    {
        var ingelogd = api.MapGroup("").RequireAuthorization(Policies.Ingelogd).WithTags("Kamerrapportage");
        Formats(ingelogd.MapGet("/kamerrapportages/{periode}", HaalKamerrapportageOp.Endpoint)
            .WithName("haalKamerrapportageOp")
            .WithSummary("De kamerrapportage over een periode (jjjj-1 of jjjj-2) zoals vastgesteld en aan de Kamer gezonden: de laatste versie, ongewijzigd")
            .WithDescription("404 zolang IenW de rapportage over deze periode niet heeft vastgesteld. " + Formaten)
            .ProducesProblem(StatusCodes.Status404NotFound));
        Formats(ingelogd.MapGet("/kamerrapportages/{periode}/versies/{versie:int}", HaalKamerrapportageOp.VersieEndpoint)
            .WithName("haalKamerrapportageversieOp")
            .WithSummary("Een eerder vastgestelde versie van de kamerrapportage over een periode")
            .WithDescription(Formaten)
            .ProducesProblem(StatusCodes.Status404NotFound));

        var ienw = api.MapGroup("").RequireAuthorization(Policies.IenwOfBeoordelaar).WithTags("Kamerrapportage");
        Formats(ienw.MapGet("/kamerrapportages/{periode}/concept", HaalKamerrapportageConceptOp.Endpoint)
            .WithName("haalKamerrapportageConceptOp")
            .WithSummary("Het concept van de kamerrapportage over een periode, nu opgesteld uit de gegevens (stand per vandaag of het einde van de periode)")
            .WithDescription("Per uitkomstcategorie de omgevingsdiensten, robuust op 1 april 2026, per criterium groen/oranje/rood nu tegen de "
                + "basislijn 2024, de Seveso-omgevingsdiensten apart, rapportages tijdig/te laat/verzuimd per ronde, escalatiestappen, besluiten, "
                + "fusies en opsplitsingen in de periode. " + Formaten)
            .ProducesProblem(StatusCodes.Status404NotFound));

        api.MapGroup("").RequireAuthorization(Policies.Ienw).WithTags("Kamerrapportage")
            .MapPost("/kamerrapportages/{periode}/vaststelling", StelKamerrapportageVast.Endpoint).Validate<StelKamerrapportageVast.Verzoek>()
            .WithName("stelKamerrapportageVast")
            .WithSummary("De kamerrapportage over een periode vaststellen zoals die wordt verzonden: het concept wordt de volgende versie, ongewijzigd bewaard (If-Match optioneel)")
            .Produces<KamerrapportageResource>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return api;
    }

    /// <summary>One status code, four representations: the JSON resource and its HTML, Markdown and CSV renderings.</summary>
    private static RouteHandlerBuilder Formats(RouteHandlerBuilder route) => route
        .Produces<KamerrapportageResource>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status406NotAcceptable)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            if (operation.Responses?.GetValueOrDefault("200") is OpenApiResponse { Content: { } inhoud })
            {
                foreach (var type in Weergaven)
                {
                    inhoud[type] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                }
            }

            return Task.CompletedTask;
        });
}
