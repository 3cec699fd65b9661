using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Subsidy.Aanvragen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// A draft is edited by replacing it (PUT, the same body as the draft was made with), as long as it is a draft: its
/// activities, co-financing and documents. The scheme and the OD are what the draft is (a draft under another scheme
/// or for another OD is a new draft), so a body naming others is 400. Submitting freezes the request: a submitted
/// request is 409. A replacement that changes nothing appends nothing (PUT is idempotent).
/// </summary>
public static class WijzigAanvraag
{
    public sealed record Opdracht(string Id, MaakAanvraagAan.Opdracht Inhoud, ExpectedVersion? Verwacht);

    public static IEnumerable<object> Beslis(Aanvraag? bestaand, Opdracht o)
    {
        var nieuw = o.Inhoud;
        var aanvraag = nieuw.Gebruiker.AlsAanvrager(bestaand, o.Id);
        if (aanvraag.Status != AanvraagStatus.Concept)
        {
            throw DomainRuleException.Conflict($"Aanvraag '{o.Id}' is ingediend en kan niet meer worden gewijzigd.");
        }

        if (nieuw.Regeling != aanvraag.Regeling)
        {
            throw DomainRuleException.Invalid("regeling",
                $"Aanvraag '{o.Id}' valt onder regeling '{aanvraag.Regeling}'; stel voor een andere regeling een nieuwe aanvraag op.");
        }

        if (nieuw.Omgevingsdienst != aanvraag.Omgevingsdienst)
        {
            throw DomainRuleException.Invalid("omgevingsdienst",
                $"Aanvraag '{o.Id}' is van {aanvraag.Omgevingsdienst}; een aanvraag gaat niet over naar een andere omgevingsdienst.");
        }

        var ongewijzigd = aanvraag.Activiteiten.SequenceEqual(nieuw.Activiteiten, ActiviteitGelijk.Instance)
            && aanvraag.Cofinanciering.SequenceEqual(nieuw.Cofinanciering)
            && aanvraag.Documenten.SequenceEqual(nieuw.Documenten);
        return ongewijzigd ? [] : [new AanvraagGewijzigd(nieuw.Activiteiten, nieuw.Cofinanciering, nieuw.Documenten, nieuw.Handeling.Op)];
    }

    public static async Task<Aanvraag> Handle(Opdracht o, IDocumentSession session, CancellationToken ct)
    {
        var key = Aanvraag.StreamKey(o.Id);
        await session.DecideAsync<Aanvraag>(key, o.Verwacht, o.Inhoud.Handeling, a => Beslis(a, o), ct);
        await session.SaveChangesAsync(ct);
        return (await session.Events.FetchLatest<Aanvraag>(key, ct))!;
    }

    public static async Task<Ok<AanvraagResource>> Endpoint(string id, MaakAanvraagAan.Verzoek verzoek, [AsParameters] SubsidieContext ctx)
    {
        var aanvraagId = AanvraagId.Controleer(id);
        var inhoud = MaakAanvraagAan.Opdracht.Van(aanvraagId, verzoek, ctx.Gebruiker, ctx.Handeling);
        var aanvraag = await Handle(new Opdracht(aanvraagId, inhoud, ctx.Verwacht), ctx.Session, ctx.Ct);
        ctx.Http.Response.SetETag(aanvraag.Version);
        return TypedResults.Ok(AanvraagResource.Van(aanvraag, ctx.Vandaag, ctx.Api));
    }

    /// <summary>Activities are records holding lists: equal when their values and their lists' items are.</summary>
    private sealed class ActiviteitGelijk : IEqualityComparer<Activiteit>
    {
        public static readonly ActiviteitGelijk Instance = new();

        public bool Equals(Activiteit? a, Activiteit? b) => a is not null && b is not null
            && a.Omschrijving == b.Omschrijving && a.PeriodeVan == b.PeriodeVan && a.PeriodeTot == b.PeriodeTot
            && a.Criteria.SequenceEqual(b.Criteria) && a.Kostenregels.SequenceEqual(b.Kostenregels);

        public int GetHashCode(Activiteit a) => HashCode.Combine(a.Omschrijving, a.PeriodeVan, a.PeriodeTot);
    }
}
