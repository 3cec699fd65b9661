using Marten;
using Marten.Schema;
using RobuustOD.Domain;

namespace RobuustOD.Registry.Omgevingsdiensten;

/// <summary>The register's streams: an OD must exist before anything can be decided about it.</summary>
public static class OmgevingsdienstStreams
{
    /// <summary>
    /// The register's store: the OD snapshot inline, so it commits in the transaction that starts or appends to the
    /// stream, with a unique index on <c>upper(id)</c> (<see cref="OdCode.Sleutel"/>). Every new OD (registration,
    /// split, merger, seed) starts a stream and so writes a snapshot: two codes that differ only in case can never
    /// both commit, even when both passed the check before the write. The loser gets 409. Keep the snapshot inline:
    /// an async projection would write it after the stream's commit and lose this guarantee.
    /// </summary>
    public static StoreOptions AddOmgevingsdienstStreams(this StoreOptions options)
    {
        options.Projections.Snapshot<Omgevingsdienst>(JasperFx.Events.Projections.SnapshotLifecycle.Inline);
        options.Schema.For<Omgevingsdienst>().Index(od => od.Id, index =>
        {
            index.Casing = ComputedIndex.Casings.Upper;
            index.IsUnique = true;
            index.Name = "omgevingsdienst_code_uniek";
        });
        return options;
    }

    public static DomainRuleException NietGevonden(string code) =>
        DomainRuleException.NotFound($"Omgevingsdienst '{code}' staat niet in het register.");

    /// <summary>
    /// 404 for <paramref name="code"/>; when the register holds it in another case, the detail names the code as
    /// registered (a lookup stays exact: <c>odg</c> does not address <c>ODG</c>).
    /// </summary>
    public static async Task<DomainRuleException> NietGevondenAsync(this IQuerySession session, string code, CancellationToken ct) =>
        await session.ZoekCodeAsync(code, ct) is { } bestaand && bestaand != code
            ? DomainRuleException.NotFound($"Omgevingsdienst '{code}' staat niet in het register; bedoelt u '{bestaand}'?")
            : NietGevonden(code);

    /// <summary>The OD as the decision sees it; 404 when its stream does not exist.</summary>
    public static Omgevingsdienst Bestaand(this Omgevingsdienst? od, string code) => od ?? throw NietGevonden(code);

    public static async Task<Omgevingsdienst> HaalOpAsync(this IDocumentSession session, string code, CancellationToken ct) =>
        await session.Events.FetchLatest<Omgevingsdienst>(code, ct) ?? throw await session.NietGevondenAsync(code, ct);

    /// <summary>The OD whose code is <paramref name="code"/> regardless of case (<see cref="OdCode.IsZelfde"/>), if any.</summary>
    public static async Task<Omgevingsdienst?> ZoekAsync(this IQuerySession session, string code, CancellationToken ct) =>
        OdCode.IsGeldig(code)
            // ILIKE on a code of letters and digits only (no wildcards): equality regardless of case.
            ? await session.Query<Omgevingsdienst>().Where(od => od.Id.Equals(code, StringComparison.OrdinalIgnoreCase)).FirstOrDefaultAsync(ct)
            : null;

    /// <summary>The code as registered of the OD that is <paramref name="code"/> regardless of case, if any.</summary>
    public static async Task<string?> ZoekCodeAsync(this IQuerySession session, string code, CancellationToken ct) =>
        (await session.ZoekAsync(code, ct))?.Id;
}
