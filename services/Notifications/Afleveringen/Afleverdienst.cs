using System.Collections.Concurrent;
using JasperFx;
using Marten;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// The dispatcher (hosted service): one worker per active subscription, so one that is down or slow never holds up
/// another. A worker finds the first waiting delivery per subject (its queue heads), and delivers the subjects in
/// parallel (at most <c>MaxGelijktijdigPerAbonnee</c>), each subject's deliveries one after the other in the store's
/// order; a failed head stops its subject until its retry is due. A circuit breaker per subscriber pauses all its
/// attempts after a run of failures. Every attempt is saved with its outcome before the next, so a restart resumes
/// from the store: what was stored but not delivered is delivered after it.
/// </summary>
public sealed partial class Afleverdienst(IDocumentStore store, Bezorger bezorger, AfleverSignaal signaal, Achterstand achterstand,
    IOptions<NotificatieOptions> opties, TimeProvider clock, ILogger<Afleverdienst> logger) : BackgroundService
{
    private const string Door = "afleverdienst";
    private const int Partij = 50;

    private readonly ConcurrentDictionary<string, (Task Taak, CancellationTokenSource Stop)> _werkers = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!opties.Value.Bezorgen)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var session = store.QuerySession();
                var actief = (await session.Query<Abonnement>().Where(a => a.Status == AbonnementStatus.Actief).Select(a => a.AbonnementId)
                    .ToListAsync(stoppingToken)).ToHashSet(StringComparer.Ordinal);
                foreach (var (id, werker) in _werkers)
                {
                    if (!actief.Contains(id) || werker.Taak.IsCompleted)
                    {
                        await werker.Stop.CancelAsync();
                        _werkers.TryRemove(id, out _);
                        werker.Stop.Dispose();
                    }
                }

                foreach (var id in actief.Where(id => !_werkers.ContainsKey(id)))
                {
                    var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    _werkers[id] = (Task.Run(() => WerkAsync(id, stop.Token), CancellationToken.None), stop);
                }

                await achterstand.MeetAsync(session, actief, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFout(logger, "toezicht", ex.Message);
            }

            try
            {
                await Task.Delay(opties.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        await Task.WhenAll(_werkers.Values.Select(w => w.Taak));
    }

    private async Task WerkAsync(string abonnementId, CancellationToken ct)
    {
        var o = opties.Value;
        var onderbreker = new ResiliencePipelineBuilder<(Uitkomst Uitkomst, Poging Poging)>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<(Uitkomst Uitkomst, Poging Poging)>
            {
                FailureRatio = 0.9,
                MinimumThroughput = Math.Max(2, o.OnderbrekerDrempel),
                SamplingDuration = o.OnderbrekerVenster,
                BreakDuration = o.OnderbrekingsDuur,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result.Uitkomst is { Geslaagd: false, Weg: false }),
            })
            .Build();
        var tempo = new Tempo(clock);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                Abonnement? abonnement;
                Abonnementsgeheim? geheim;
                IReadOnlyList<string> koppen;
                await using (var session = store.QuerySession())
                {
                    abonnement = await session.LoadAsync<Abonnement>(Abonnement.StreamKey(abonnementId), ct);
                    geheim = await session.LoadAsync<Abonnementsgeheim>(abonnementId, ct);
                    if (abonnement is not { Bezorgt: true } || geheim is null)
                    {
                        return;
                    }

                    koppen = await KoppenAsync(session, abonnementId, ct);
                }

                if (koppen.Count == 0)
                {
                    await signaal.WachtAsync(abonnementId, o.PollInterval, ct);
                    continue;
                }

                tempo.PerMinuut = abonnement.ToegestaanTempo;
                await Parallel.ForEachAsync(koppen, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, o.MaxGelijktijdigPerAbonnee), CancellationToken = ct },
                    async (onderwerp, token) => await OnderwerpAsync(abonnement, geheim, onderwerp, onderbreker, tempo, token));
                if (abonnement.Bezorgt)
                {
                    // A break, or retries not yet due: wait for the next look (a new event wakes the worker at once).
                    await signaal.WachtAsync(abonnementId, o.PollInterval, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogFout(logger, abonnementId, ex.Message);
                await Task.Delay(o.PollInterval, clock, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The subjects whose first waiting delivery is due now.</summary>
    private async Task<IReadOnlyList<string>> KoppenAsync(IQuerySession session, string abonnementId, CancellationToken ct) =>
        await session.AdvancedSql.QueryAsync<string>(
            "select onderwerp from (select distinct on (data->>'onderwerp') data->>'onderwerp' as onderwerp, data->>'volgendePogingOp' as op "
            + "from notificaties.mt_doc_aflevering where data->>'abonnementId' = ? and data->>'status' = 'wachtend' "
            + "order by data->>'onderwerp', (data->>'volgnummer')::bigint) koppen where op::timestamptz <= ? limit 1000",
            ct, abonnementId, clock.GetUtcNow());

    /// <summary>One subject's waiting deliveries in order, until one fails, is not due, or the subscriber gets a break.</summary>
    private async Task OnderwerpAsync(Abonnement abonnement, Abonnementsgeheim geheim, string onderwerp,
        ResiliencePipeline<(Uitkomst Uitkomst, Poging Poging)> onderbreker, Tempo tempo, CancellationToken ct)
    {
        var bronnen = opties.Value.Bronnen;
        while (!ct.IsCancellationRequested)
        {
            List<Aflevering> partij;
            Dictionary<long, Gebeurtenis> gebeurtenissen;
            await using (var session = store.QuerySession())
            {
                partij = [.. await session.Query<Aflevering>()
                    .Where(a => a.AbonnementId == abonnement.AbonnementId && a.Onderwerp == onderwerp && a.Status == Aflevering.Wachtend)
                    .OrderBy(a => a.Volgnummer).Take(Partij).ToListAsync(ct)];
                gebeurtenissen = (await session.LoadManyAsync<Gebeurtenis>(ct, partij.Select(a => a.Volgnummer))).ToDictionary(g => g.Id);
            }

            if (partij.Count == 0)
            {
                return;
            }

            foreach (var aflevering in partij)
            {
                if (aflevering.VolgendePogingOp > clock.GetUtcNow() || !gebeurtenissen.TryGetValue(aflevering.Volgnummer, out var gebeurtenis))
                {
                    return;
                }

                var body = Bericht.Structured(gebeurtenis, abonnement.Instellingen.Informatiearm,
                    abonnement.Instellingen.Informatiearm ? Bericht.Dataref(gebeurtenis, bronnen) : null);
                await tempo.WachtAsync(ct);
                (Uitkomst Uitkomst, Poging Poging) resultaat;
                try
                {
                    resultaat = await onderbreker.ExecuteAsync(async token => await bezorger.VerstuurAsync(abonnement.AbonnementId,
                        abonnement.Instellingen, geheim, gebeurtenis.CloudEventId, body, gebeurtenis.Traceparent, token), ct);
                }
                catch (BrokenCircuitException)
                {
                    return;
                }

                var volgende = Herhaalbeleid.Beslis(aflevering, resultaat.Uitkomst, resultaat.Poging.Op, opties.Value, Random.Shared.NextDouble());
                await BewaarAsync(aflevering, resultaat.Poging, volgende, ct);
                achterstand.Poging(abonnement.AbonnementId, volgende.Besluit.ToString().ToLowerInvariant(), resultaat.Poging.DuurMs);
                if (volgende.Besluit != Besluit.Afgeleverd && volgende.Besluit != Besluit.Mislukt)
                {
                    return;
                }

                if (volgende.Besluit == Besluit.Mislukt)
                {
                    LogMislukt(logger, aflevering.Id, abonnement.AbonnementId, aflevering.AantalPogingen);
                }
            }
        }
    }

    /// <summary>The delivery's new state and the subscription's events in one commit (again on a lost race for the stream).</summary>
    private async Task BewaarAsync(Aflevering aflevering, Poging poging, Volgende volgende, CancellationToken ct)
    {
        Gevolgen.VoorAflevering(aflevering, poging, volgende);
        for (var poog = 1; ; poog++)
        {
            await using var session = store.LightweightSession();
            session.Store(aflevering);
            if (volgende.Besluit != Besluit.Afgeleverd && (volgende.Besluit != Besluit.Opnieuw || volgende.Opschorten))
            {
                await session.DecideAsync<Abonnement>(Abonnement.StreamKey(aflevering.AbonnementId), null, new Handeling(Door, poging.Op),
                    a => Gevolgen.VoorAbonnement(a, aflevering, poging, volgende), ct);
            }

            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (ConcurrencyException) when (poog < 5)
            {
            }
        }
    }

    /// <summary>The pace the subscriber allowed (<c>WebHook-Allowed-Rate</c>, per minute) over all its subjects.</summary>
    private sealed class Tempo(TimeProvider clock)
    {
        private readonly Lock _slot = new();
        private DateTimeOffset _volgende;

        public int? PerMinuut { get; set; }

        public async Task WachtAsync(CancellationToken ct)
        {
            if (PerMinuut is not { } perMinuut)
            {
                return;
            }

            DateTimeOffset beurt;
            lock (_slot)
            {
                var nu = clock.GetUtcNow();
                beurt = _volgende > nu ? _volgende : nu;
                _volgende = beurt + TimeSpan.FromMinutes(1.0 / perMinuut);
            }

            var wacht = beurt - clock.GetUtcNow();
            if (wacht > TimeSpan.Zero)
            {
                await Task.Delay(wacht, clock, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatcher ({Waar}): {Fout}")]
    private static partial void LogFout(ILogger logger, string waar, string fout);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {Aflevering} of subscription {Abonnement} failed for good after {Pogingen} attempts; the contact is alerted")]
    private static partial void LogMislukt(ILogger logger, string aflevering, string abonnement, int pogingen);
}
