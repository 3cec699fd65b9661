using Marten;
using RobuustOD.Contracts.Beoordeling;
using RobuustOD.EventBackbone.Incoming;

namespace RobuustOD.Monitoring.Nulmetingen;

/// <summary>
/// Follows the assessment's published assessments into <see cref="Nulmeting"/>: a publication sets every colour, a
/// changed traffic light one, a revised verdict the verdict. What is older than what is held is ignored.
/// </summary>
public static class NulmetingVolgen
{
    public static IntegrationEventHandlers OnNulmeting(this IntegrationEventHandlers on) => on
        .On<BeoordelingGepubliceerdV1>(async (e, session, ce, ct) =>
        {
            var nulmeting = await LaadAsync(session, e.Code, e.Ronde, ct);
            Pas(nulmeting, e);
            nulmeting.BijgewerktOp = ce.Time;
            session.Store(nulmeting);
        })
        .On<CriteriumScoreGewijzigdV1>(async (e, session, ce, ct) =>
        {
            var nulmeting = await LaadAsync(session, e.Code, e.Ronde, ct);
            Pas(nulmeting, e);
            nulmeting.BijgewerktOp = ce.Time;
            session.Store(nulmeting);
        })
        .On<OordeelHerzienV1>(async (e, session, ce, ct) =>
        {
            var nulmeting = await LaadAsync(session, e.Code, e.Ronde, ct);
            Pas(nulmeting, e);
            nulmeting.BijgewerktOp = ce.Time;
            session.Store(nulmeting);
        });

    /// <summary>A publication (version 1, or a later one) sets each criterion not already set by a later version.</summary>
    public static void Pas(Nulmeting n, BeoordelingGepubliceerdV1 e)
    {
        foreach (var c in e.Criteria)
        {
            if (n.Criteria.GetValueOrDefault(c.Nummer) is not { } bekend || bekend.Versie <= e.Versie)
            {
                n.Criteria[c.Nummer] = new NulmetingKleur(c.Haalbaarheid, e.Versie);
            }
        }

        if (e.Versie >= n.Versie)
        {
            n.Versie = e.Versie;
            n.Oordeel = e.Oordeel;
        }
    }

    public static void Pas(Nulmeting n, CriteriumScoreGewijzigdV1 e)
    {
        if (n.Criteria.GetValueOrDefault(e.Nummer) is not { } bekend || bekend.Versie <= e.Versie)
        {
            n.Criteria[e.Nummer] = new NulmetingKleur(e.NieuweHaalbaarheid, e.Versie);
        }

        n.Versie = Math.Max(n.Versie, e.Versie);
    }

    public static void Pas(Nulmeting n, OordeelHerzienV1 e)
    {
        if (e.Versie >= n.Versie)
        {
            n.Versie = e.Versie;
            n.Oordeel = e.Nieuw;
        }
    }

    private static async Task<Nulmeting> LaadAsync(IDocumentSession session, string code, string ronde, CancellationToken ct) =>
        await session.LoadAsync<Nulmeting>(Nulmeting.Sleutel(code, ronde), ct)
        ?? new Nulmeting { Id = Nulmeting.Sleutel(code, ronde), Code = code, Ronde = ronde };

    /// <summary>The OD's baseline: its assessment of the latest round it has (e.g. 2024), or null.</summary>
    public static async Task<Nulmeting?> VanAsync(IQuerySession session, string code, CancellationToken ct) =>
        (await session.Query<Nulmeting>().Where(n => n.Code == code).ToListAsync(ct))
            .OrderByDescending(n => n.Ronde, StringComparer.Ordinal).FirstOrDefault();
}
