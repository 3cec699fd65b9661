using JasperFx;
using Marten;
using Npgsql;
using RobuustOD.Domain;
using RobuustOD.Subsidy.Aanvragen;
using RobuustOD.Subsidy.Regelingen;

namespace RobuustOD.Subsidy.Features;

/// <summary>
/// What a decision on a request means for its scheme's budget, and the write that books it: the request's events and
/// the budget's in one commit. The budget stream is fetched with an exclusive lock (PostgreSQL row lock on the stream
/// until the commit), so decisions racing for the last euros are decided one after the other on the actual budget:
/// each commits exactly what fits, and one that does not fit gets 409 with the amount still available. A write that
/// still loses an optimistic race (two commands on the same request) is decided again on the fresh state, a few times.
/// </summary>
public static class Budgetboeking
{
    public const int MaxPogingen = 8;

    /// <summary>
    /// Budget writes of this process at a time. They queue for one row lock anyway; waiting here instead of on the lock
    /// keeps a burst of decisions from holding one database connection each (PostgreSQL refuses connections beyond its
    /// limit: 53300, a 503 for the client). Correctness does not depend on it: the row lock serialises across processes.
    /// </summary>
    private static readonly SemaphoreSlim Poort = new(4, 4);

    /// <summary>The budget events that follow from the request's new events (<paramref name="aanvraag"/>: its state before them).</summary>
    public static IEnumerable<object> Gevolgen(Budget budget, Aanvraag aanvraag, IReadOnlyList<object> nieuw)
    {
        var id = aanvraag.AanvraagId;
        var od = aanvraag.Omgevingsdienst;
        foreach (var e in nieuw)
        {
            var boekingen = e switch
            {
                AanvraagVerleend v => Budget.Verplichting(budget, id, od, v.Bedrag, aanvraag.Regels?.MaximumPerOd),
                BetalingGedaan b => [new BudgetBetaald(id, b.Bedrag)],
                SubsidieVastgesteld s when s.Vrijgevallen > 0 => [new BudgetVastgesteld(id, s.Bedrag), new BudgetVrijgevallen(id, od, s.Vrijgevallen)],
                SubsidieVastgesteld s => [new BudgetVastgesteld(id, s.Bedrag)],
                TerugvorderingVastgesteld t => [new BudgetTeruggevorderd(id, t.Bedrag)],
                BezwaarBeslist { NieuwBedrag: { } nieuwBedrag } when nieuwBedrag > aanvraag.Verleend =>
                    Budget.Verplichting(budget, id, od, nieuwBedrag - aanvraag.Verleend, aanvraag.Regels?.MaximumPerOd),
                BezwaarBeslist { NieuwBedrag: { } nieuwBedrag } when nieuwBedrag < aanvraag.Verleend =>
                    [new BudgetVrijgevallen(id, od, aanvraag.Verleend - nieuwBedrag)],
                _ => [],
            };
            foreach (var boeking in boekingen)
            {
                yield return boeking;
            }
        }
    }

    /// <summary>
    /// Decides on the request (<paramref name="beslis"/>), books the consequences on the budget under its lock, and saves
    /// once; on a lost optimistic race it decides again in a fresh session (the decision may then refuse).
    /// </summary>
    public static async Task<Aanvraag> BeslisAsync(IDocumentSession session, string id, Handeling handeling, EventStore.ExpectedVersion? verwacht,
        Func<Aanvraag?, IEnumerable<object>> beslis, CancellationToken ct)
    {
        var key = Aanvraag.StreamKey(id);
        await Poort.WaitAsync(ct);
        var huidige = session;
        var eigen = new List<IDocumentSession>();
        try
        {
            for (var poging = 1; ; poging++)
            {
                try
                {
                    IReadOnlyList<object> nieuw = [];
                    var stroom = await EventStore.Decider.DecideAsync<Aanvraag>(huidige, key, verwacht, handeling, a => nieuw = [.. beslis(a)], ct);
                    if (stroom.Aggregate is { } voor && nieuw.Count > 0)
                    {
                        var budget = await huidige.Events.FetchForExclusiveWriting<Budget>(Budget.StreamKey(voor.Regeling), ct);
                        var boekingen = Gevolgen(budget.Aggregate!, voor, nieuw).ToArray();
                        if (boekingen.Length > 0)
                        {
                            budget.AppendMany(boekingen);
                        }
                    }

                    await huidige.SaveChangesAsync(ct);
                    return (await huidige.Events.FetchLatest<Aanvraag>(key, ct))!;
                }
                catch (Exception e) when (poging < MaxPogingen && IsVerlorenRace(e))
                {
                    huidige = session.DocumentStore.LightweightSession();
                    huidige.LastModifiedBy = handeling.Door;
                    eigen.Add(huidige);
                    await Task.Delay(Random.Shared.Next(1, 10 * poging), ct);
                }
            }
        }
        finally
        {
            Poort.Release();
            foreach (var s in eigen)
            {
                await s.DisposeAsync();
            }
        }
    }

    private static bool IsVerlorenRace(Exception e) => e switch
    {
        ConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" } => true,
        _ when e.InnerException is { } inner && inner != e => IsVerlorenRace(inner),
        _ => false,
    };
}
