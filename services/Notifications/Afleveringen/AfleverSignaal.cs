using System.Collections.Concurrent;
using Marten;
using Marten.Services;

namespace RobuustOD.Notifications.Afleveringen;

/// <summary>
/// Wakes a subscription's dispatcher as soon as deliveries for it are committed (a Marten listener after commit), so a new
/// event goes out at once; without a signal the dispatcher still looks every <c>PollInterval</c> (retries, other processes).
/// </summary>
public sealed class AfleverSignaal
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _wekkers = new(StringComparer.Ordinal);

    public void Wek(string abonnementId)
    {
        var wekker = Wekker(abonnementId);
        if (wekker.CurrentCount == 0)
        {
            try
            {
                wekker.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken already by a concurrent commit.
            }
        }
    }

    public Task<bool> WachtAsync(string abonnementId, TimeSpan hoogstens, CancellationToken ct) => Wekker(abonnementId).WaitAsync(hoogstens, ct);

    private SemaphoreSlim Wekker(string abonnementId) => _wekkers.GetOrAdd(abonnementId, _ => new SemaphoreSlim(0, 1));

    public sealed class Luisteraar(AfleverSignaal signaal) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            foreach (var abonnement in commit.Inserted.Concat(commit.Updated).OfType<Aflevering>()
                         .Where(a => a.Status == Aflevering.Wachtend).Select(a => a.AbonnementId).Distinct(StringComparer.Ordinal))
            {
                signaal.Wek(abonnement);
            }

            return Task.CompletedTask;
        }
    }
}
