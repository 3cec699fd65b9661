using RobuustOD.Domain;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.Assessment.Features;

/// <summary>Reading assessments: find, one (any version), its versions, the difference between two, its history.</summary>
public static class BeoordelingLezen
{
    public sealed record Beoordelingen(IReadOnlyList<BeoordelingResource> Items);

    public sealed record VersieOverzicht(int Versie, string Door, DateTimeOffset Op, string? Reden);

    public sealed record Versies(string Id, IReadOnlyList<VersieOverzicht> Items);

    public sealed record VerschilResource(string Id, int Van, int Naar, Verschil Verschil);

    public sealed record Gebeurtenis(long Versie, string Type, DateTime GeregistreerdOp, string? Door, JsonElement Gegevens);

    public sealed record Historie(string Omgevingsdienst, IReadOnlyList<Gebeurtenis> Gebeurtenissen);

    public static async Task<Ok<Beoordelingen>> Zoek([FromQuery] string? omgevingsdienst, [FromQuery] string? ronde,
        [AsParameters] BeoordelingContext ctx)
    {
        if (omgevingsdienst is not null && !OdCode.IsGeldig(omgevingsdienst))
        {
            throw DomainRuleException.Invalid("omgevingsdienst", "'omgevingsdienst' is geen OD-code.");
        }

        var dossiers = omgevingsdienst is null
            ? await ctx.Session.Query<Beoordelingsdossier>().ToListAsync(ctx.Ct)
            : [.. new[] { await ctx.DossierAsync(omgevingsdienst) }.OfType<Beoordelingsdossier>()];
        var titels = await ctx.Session.TitelsAsync(ctx.Ct);
        var gevonden = dossiers
            .SelectMany(d => d.Beoordelingen.Values.Select(b => (d.Id, b)))
            .Where(x => (ronde is null || x.b.Ronde == ronde) && ctx.User.MagZien(x.Id, x.b))
            .OrderBy(x => x.Id, StringComparer.Ordinal).ThenBy(x => x.b.Ronde, StringComparer.Ordinal)
            .Select(x => BeoordelingResource.Van(x.Id, x.b, x.b.Huidige, titels))
            .ToList();
        return TypedResults.Ok(new Beoordelingen(gevonden));
    }

    public static async Task<Ok<BeoordelingResource>> HaalOp(string id, [FromQuery] int? versie, [AsParameters] BeoordelingContext ctx)
    {
        var (dossier, beoordeling) = await ctx.ZichtbareAsync(id);
        var gekozen = versie is null ? beoordeling.Huidige : Versie(beoordeling, id, versie.Value);
        ctx.Http.Response.SetETag(dossier.Version);
        return TypedResults.Ok(BeoordelingResource.Van(dossier.Id, beoordeling, gekozen, await ctx.Session.TitelsAsync(ctx.Ct)));
    }

    public static async Task<Ok<Versies>> Lijst(string id, [AsParameters] BeoordelingContext ctx)
    {
        var (_, beoordeling) = await ctx.ZichtbareAsync(id);
        return TypedResults.Ok(new Versies(id, [.. beoordeling.Versies.Select(v => new VersieOverzicht(v.Versie, v.Door, v.Op, v.Reden))]));
    }

    public static async Task<Ok<VerschilResource>> Verschillen(string id, [FromQuery] int van, [FromQuery] int naar, [AsParameters] BeoordelingContext ctx)
    {
        var (_, beoordeling) = await ctx.ZichtbareAsync(id);
        var verschil = Verschil.Tussen(Versie(beoordeling, id, van).Inhoud, Versie(beoordeling, id, naar).Inhoud);
        return TypedResults.Ok(new VerschilResource(id, van, naar, verschil));
    }

    /// <summary>The dossier's events: IenW and the assessor only, since drafts are part of it.</summary>
    public static async Task<Ok<Historie>> HaalHistorieOp(string omgevingsdienst, [AsParameters] BeoordelingContext ctx)
    {
        if (!OdCode.IsGeldig(omgevingsdienst))
        {
            throw DomainRuleException.NotFound($"Er is geen beoordelingsdossier van '{omgevingsdienst}'.");
        }

        var events = await ctx.Session.Events.FetchStreamAsync(omgevingsdienst, token: ctx.Ct);
        if (events.Count == 0)
        {
            throw DomainRuleException.NotFound($"Er is geen beoordelingsdossier van '{omgevingsdienst}'.");
        }

        var json = ctx.Http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        return TypedResults.Ok(new Historie(omgevingsdienst, [.. events.Select(e => new Gebeurtenis(e.Version, e.EventTypeName,
            e.Timestamp.UtcDateTime, e.UserName, JsonSerializer.SerializeToElement(e.Data, e.EventType, json)))]));
    }

    private static BeoordelingVersie Versie(Beoordeling b, string id, int versie) =>
        b.Versies.FirstOrDefault(v => v.Versie == versie)
        ?? throw DomainRuleException.NotFound($"Beoordeling '{id}' heeft geen versie {versie}.");
}
