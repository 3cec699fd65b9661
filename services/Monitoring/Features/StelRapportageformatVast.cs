using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Validation;
using RobuustOD.Monitoring.Format;

namespace RobuustOD.Monitoring.Features;

/// <summary>IenW sets a new edition of the format; reports keep the edition they were made on.</summary>
public static class StelRapportageformatVast
{
    public sealed record CriteriumVerzoek(int? Nummer, IReadOnlyList<Onderdeel>? Onderdelen);

    public sealed record KerngetalVerzoek(string? Code, string? Naam, Eenheid? Eenheid);

    /// <summary>Ties a key figure (and a denominator for a share) to a criterion; the threshold comes from the catalogue.</summary>
    public sealed record MeetbaarCriteriumVerzoek(int? Criterium, string? Kerngetal, string? Noemer);

    public sealed record Verzoek(IReadOnlyList<CriteriumVerzoek>? Criteria, IReadOnlyList<KerngetalVerzoek>? Kerngetallen,
        IReadOnlyList<MeetbaarCriteriumVerzoek>? MeetbareCriteria);

    public const string KerngetalPattern = "^[a-z][A-Za-z0-9]{1,39}$";

    public sealed class Validator : AbstractValidator<Verzoek>
    {
        public Validator()
        {
            RuleFor(v => v.Criteria).NotNull();
            RuleForEach(v => v.Criteria).ChildRules(c =>
            {
                c.RuleFor(x => x.Nummer).NotNull().InclusiveBetween(1, 99);
                c.RuleFor(x => x.Onderdelen).NotEmpty();
            });
            RuleFor(v => v.Kerngetallen).NotNull();
            RuleForEach(v => v.Kerngetallen).ChildRules(k =>
            {
                k.RuleFor(x => x.Code).NotEmpty().Matches(KerngetalPattern)
                    .WithMessage("'code' moet lowerCamelCase zijn, 2 tot 40 tekens (bijv. totaalFte).");
                k.RuleFor(x => x.Naam).NotEmpty().PlainText(200);
                k.RuleFor(x => x.Eenheid).NotNull();
            });
            RuleFor(v => v.MeetbareCriteria).NotNull();
            RuleForEach(v => v.MeetbareCriteria).ChildRules(d =>
            {
                d.RuleFor(x => x.Criterium).NotNull().InclusiveBetween(1, 99);
                d.RuleFor(x => x.Kerngetal).NotEmpty().Matches(KerngetalPattern);
                d.RuleFor(x => x.Noemer).Matches(KerngetalPattern);
            });
        }
    }

    public sealed record Opdracht(IReadOnlyList<FormatCriterium> Criteria, IReadOnlyList<Kerngetal> Kerngetallen,
        IReadOnlyList<MeetbaarCriterium> MeetbareCriteria, Handeling Handeling, ExpectedVersion? Verwacht)
    {
        public static Opdracht Van(Verzoek v, Handeling handeling, ExpectedVersion? verwacht) => new(
            [.. v.Criteria!.Select(c => new FormatCriterium(c.Nummer!.Value, [.. c.Onderdelen!.Distinct()]))],
            [.. v.Kerngetallen!.Select(k => new Kerngetal(k.Code!, k.Naam!, k.Eenheid!.Value))],
            [.. v.MeetbareCriteria!.Select(d => new MeetbaarCriterium(d.Criterium!.Value, d.Kerngetal!, d.Noemer))],
            handeling, verwacht);
    }

    /// <summary>
    /// A new edition, numbered after the last; refused when criteria or key figures repeat, or a measurable criterion
    /// names a key figure or criterion that the edition lacks. The same content as the current edition appends nothing.
    /// </summary>
    public static IEnumerable<object> Beslis(Rapportageformat? format, Opdracht o)
    {
        Uniek(o.Criteria.Select(c => c.Nummer.ToString(System.Globalization.CultureInfo.InvariantCulture)), "criteria", "criteriumnummer");
        Uniek(o.Kerngetallen.Select(k => k.Code), "kerngetallen", "kerngetal");
        Uniek(o.MeetbareCriteria.Select(d => d.Criterium.ToString(System.Globalization.CultureInfo.InvariantCulture)), "meetbareCriteria", "meting van criterium");

        var codes = o.Kerngetallen.Select(k => k.Code).ToHashSet(StringComparer.Ordinal);
        var nummers = o.Criteria.Select(c => c.Nummer).ToHashSet();
        for (var i = 0; i < o.MeetbareCriteria.Count; i++)
        {
            var d = o.MeetbareCriteria[i];
            if (!nummers.Contains(d.Criterium))
            {
                throw DomainRuleException.Invalid($"meetbareCriteria[{i}].criterium", $"Criterium {d.Criterium} staat niet in dit format.");
            }

            if (!codes.Contains(d.Kerngetal))
            {
                throw DomainRuleException.Invalid($"meetbareCriteria[{i}].kerngetal", $"Kerngetal '{d.Kerngetal}' staat niet in dit format.");
            }

            if (d.Noemer is not null && !codes.Contains(d.Noemer))
            {
                throw DomainRuleException.Invalid($"meetbareCriteria[{i}].noemer", $"Kerngetal '{d.Noemer}' staat niet in dit format.");
            }
        }

        if (format?.Huidig is { } huidig && huidig.Criteria.SequenceEqual(o.Criteria, FormatCriteriumGelijk.Instance)
            && huidig.Kerngetallen.SequenceEqual(o.Kerngetallen) && huidig.MeetbareCriteria.SequenceEqual(o.MeetbareCriteria))
        {
            return [];
        }

        return [new RapportageformatVastgesteld((format?.Versies.Count ?? 0) + 1, o.Criteria, o.Kerngetallen, o.MeetbareCriteria, o.Handeling.Op)];
    }

    private static void Uniek(IEnumerable<string> waarden, string veld, string wat)
    {
        var dubbel = waarden.GroupBy(w => w, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dubbel is not null)
        {
            throw DomainRuleException.Invalid(veld, $"De {wat} {dubbel.Key} komt meer dan eens voor.");
        }
    }

    private sealed class FormatCriteriumGelijk : IEqualityComparer<FormatCriterium>
    {
        public static readonly FormatCriteriumGelijk Instance = new();

        public bool Equals(FormatCriterium? x, FormatCriterium? y) =>
            x is not null && y is not null && x.Nummer == y.Nummer && x.Onderdelen.SequenceEqual(y.Onderdelen);

        public int GetHashCode(FormatCriterium obj) => obj.Nummer;
    }

    public static async Task<Rapportageformat> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        await session.DecideAsync<Rapportageformat>(Rapportageformat.StreamKey, o.Verwacht, o.Handeling, f => Beslis(f, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Rapportageformat>(Rapportageformat.StreamKey, ct))!;
    }

    public static async Task<Ok<FormatResource>> Endpoint(Verzoek verzoek, [AsParameters] MonitoringContext ctx)
    {
        var format = await Handle(Opdracht.Van(verzoek, ctx.Handeling, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(format.Version);
        return TypedResults.Ok(FormatResource.Van(format.Huidig!, ctx.Api));
    }
}
