using RobuustOD.Contracts.Api;
using FluentValidation;
using RobuustOD.EventStore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using RobuustOD.Contracts.Register.Api;
using RobuustOD.Registry.Omgevingsdiensten;
using RobuustOD.HttpDefaults.Validation;

namespace RobuustOD.Registry.Features;

/// <summary>The register as it stood on a peildatum (default: today), filtered and paginated.</summary>
public static class ZoekOmgevingsdiensten
{
    public const int MaxPaginaGrootte = 100;
    public const string Alle = "alle";

    public sealed record Parameters(
        [FromQuery(Name = "seveso")] bool? Seveso,
        [FromQuery(Name = "provincie")] string? Provincie,
        [FromQuery(Name = "status")] string? Status,
        [FromQuery(Name = "zoek")] string? Zoek,
        [FromQuery(Name = "peildatum")] DateOnly? Peildatum,
        [FromQuery(Name = "pagina")] int? Pagina,
        [FromQuery(Name = "paginaGrootte")] int? PaginaGrootte);

    public sealed class Validator : AbstractValidator<Parameters>
    {
        public Validator()
        {
            RuleFor(p => p.Provincie).Must(p => p is null || Provincies.Bestaat(p))
                .WithMessage($"'provincie' moet een van deze zijn: {string.Join(", ", Provincies.Alle)}.");
            RuleFor(p => p.Status).Must(s => s is null || s == Alle || Enum.TryParse<OmgevingsdienstStatus>(s, true, out _) && !int.TryParse(s, out _))
                .WithMessage("'status' moet 'actief' (standaard), 'opgeheven', 'toekomstig' of 'alle' zijn.");
            RuleFor(p => p.Zoek).PlainText(100);
            RuleFor(p => p.Pagina).GreaterThanOrEqualTo(1);
            RuleFor(p => p.PaginaGrootte).InclusiveBetween(1, MaxPaginaGrootte);
        }
    }

    public static async Task<Ok<Pagina>> Endpoint([AsParameters] Parameters p, [AsParameters] RegisterContext ctx,
        [FromServices] LatestSnapshots<Omgevingsdienst> snapshots)
    {
        var peildatum = p.Peildatum ?? ctx.Vandaag;
        // Like the register itself, the list shows the ODs that exist on the peildatum unless asked otherwise.
        var status = p.Status switch
        {
            null => OmgevingsdienstStatus.Actief,
            Alle => (OmgevingsdienstStatus?)null,
            _ => Enum.Parse<OmgevingsdienstStatus>(p.Status, true),
        };
        var nummer = p.Pagina ?? 1;
        var grootte = p.PaginaGrootte ?? 20;
        // The register from memory while nothing changed (see LatestSnapshots), filtered with the aggregate's own rules.
        var register = await snapshots.AllAsync(ctx.Ct);
        var (gevonden, totaal) = RegisterFilter.Van(peildatum, status, p.Seveso, p.Provincie, p.Zoek).Pagina(register, nummer, grootte);
        var pagina = gevonden.Select(od => OmgevingsdienstResource.Van(od, peildatum, ctx.Api.BasePath)).ToList();
        var links = new PaginaLinks(
            new Link(PaginaUrl(ctx.Http.Request, nummer)),
            nummer * grootte < totaal ? new Link(PaginaUrl(ctx.Http.Request, nummer + 1)) : null,
            nummer > 1 ? new Link(PaginaUrl(ctx.Http.Request, nummer - 1)) : null);
        if (links.Next is not null)
        {
            ctx.Http.Response.Headers.Link = $"<{links.Next.Href}>; rel=\"next\"";
        }

        return TypedResults.Ok(new Pagina(pagina, totaal, nummer, grootte, peildatum, links));
    }

    private static string PaginaUrl(HttpRequest request, int pagina)
    {
        var query = request.Query.Where(q => q.Key != "pagina").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["pagina"] = pagina.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(request.PathBase + request.Path, query);
    }
}
