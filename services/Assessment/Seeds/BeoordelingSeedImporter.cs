using FluentValidation;
using Marten;
using RobuustOD.Assessment.Criteria;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.Assessment.Features;
using RobuustOD.Domain;
using RobuustOD.RegisterReadModel;

namespace RobuustOD.Assessment.Seeds;

/// <summary>
/// Loads <c>seeds/beoordeling</c> through the API's own validators and commands: each step is a feature's
/// <c>Opdracht</c> handed to its <c>Handle</c>, acting as <c>seed</c> (the history's actor; no HTTP, no role). Idempotent:
/// every step whose effect is already there is skipped (a criterion that exists, a plan with the same ontvangenOp and
/// versie, a row or verdict the draft already holds, an assessment already published), so a second run appends nothing.
/// </summary>
public sealed partial class BeoordelingSeedImporter(IDocumentStore store, TimeProvider clock,
    IValidator<VoegCriteriumToe.Verzoek> criteriumRegels, IValidator<RegistreerPlanVanAanpak.Verzoek> planRegels,
    IValidator<MaakBeoordelingAan.Verzoek> beoordelingRegels, IValidator<ScoorCriterium.Verzoek> scoreRegels,
    IValidator<LegOordeelVast.Verzoek> oordeelRegels, ILogger<BeoordelingSeedImporter> logger)
{
    public const string Actor = "seed";

    /// <summary>The catalogue, then every assessment. The ODs of the plans must be known to the register read model.</summary>
    /// <returns>The number of commands that changed the store.</returns>
    public async Task<int> ImportAsync(BeoordelingSeed seed, CancellationToken ct)
    {
        var toegepast = await ImportCatalogusAsync(seed.Criteria, ct);
        foreach (var beoordeling in seed.Beoordelingen)
        {
            toegepast += await ImportBeoordelingAsync(beoordeling, ct);
        }

        return toegepast;
    }

    /// <summary>Adds every criterion the catalogue does not have yet (version 1).</summary>
    public async Task<int> ImportCatalogusAsync(IReadOnlyList<VoegCriteriumToe.Verzoek> criteria, CancellationToken ct)
    {
        var toegepast = 0;
        foreach (var criterium in criteria)
        {
            await criteriumRegels.ValidateAndThrowAsync(criterium, ct);
            await using var session = store.LightweightSession();
            if ((await session.VersiesAsync(criterium.Nummer!.Value, ct)).Count > 0)
            {
                continue;
            }

            await VoegCriteriumToe.Handle(VoegCriteriumToe.Opdracht.Van(criterium, Handeling()), session, ct);
            toegepast++;
        }

        LogCatalogus(logger, toegepast);
        return toegepast;
    }

    /// <summary>The ODs of the assessment's plan that this service's copy of the register does not know (yet).</summary>
    public async Task<IReadOnlyList<string>> OnbekendeOmgevingsdienstenAsync(BeoordelingSeed.Beoordeling beoordeling, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var codes = beoordeling.Indieners.Append(beoordeling.Omgevingsdienst).Distinct(StringComparer.Ordinal).ToList();
        var bekend = await session.LoadManyAsync<OmgevingsdienstUitRegister>(ct, codes);
        return [.. codes.Except(bekend.Select(o => o.Id), StringComparer.Ordinal)];
    }

    /// <summary>Plan of approach, draft, rows, verdict, publication: each step once. A published assessment is left alone.</summary>
    public async Task<int> ImportBeoordelingAsync(BeoordelingSeed.Beoordeling b, CancellationToken ct)
    {
        if (b.Criteria.GroupBy(c => c.Nummer).FirstOrDefault(g => g.Count() > 1) is { } dubbel)
        {
            throw new InvalidDataException($"Seed {b.Id} scores criterion {dubbel.Key} more than once.");
        }

        var dossier = await DossierAsync(b.Omgevingsdienst, ct);
        var bestaand = dossier?.In(b.Ronde);
        if (bestaand?.Status == BeoordelingStatus.Gepubliceerd)
        {
            LogAlGepubliceerd(logger, b.Id);
            return 0;
        }

        var toegepast = 0;
        var plan = dossier?.Plannen.FirstOrDefault(p => p.OntvangenOp == b.PlanVanAanpak.OntvangenOp && p.Versie == b.PlanVanAanpak.Versie.Trim());
        var planId = plan?.Id;
        if (plan is null)
        {
            var verzoek = b.PlanVerzoek();
            await planRegels.ValidateAndThrowAsync(verzoek, ct);
            // The seed registers for IenW (no indiener): a joint plan in a seed is the consent of all, as IenW's filing is.
            var opdracht = RegistreerPlanVanAanpak.Opdracht.Van(verzoek, Handeling(), indiener: null);
            await Stap(s => RegistreerPlanVanAanpak.Handle(opdracht, s, ct));
            planId = opdracht.PlanId;
            toegepast++;
        }

        if (bestaand is null)
        {
            var verzoek = new MaakBeoordelingAan.Verzoek(b.Omgevingsdienst, b.Ronde, planId);
            await beoordelingRegels.ValidateAndThrowAsync(verzoek, ct);
            await Stap(s => MaakBeoordelingAan.Handle(MaakBeoordelingAan.Opdracht.Van(verzoek, Handeling()), s, ct));
            toegepast++;
        }

        var concept = bestaand?.Concept ?? BeoordelingInhoud.Leeg;
        foreach (var rij in b.Criteria)
        {
            if (rij.StaatAlIn(concept.Criteria.FirstOrDefault(c => c.Nummer == rij.Nummer)))
            {
                continue;
            }

            var score = rij.AlsScore();
            await scoreRegels.ValidateAndThrowAsync(score, ct);
            await Stap(s => ScoorCriterium.Handle(ScoorCriterium.Opdracht.Van(b.Omgevingsdienst, b.Ronde, rij.Nummer, score, Handeling(), null), s, ct));
            toegepast++;
        }

        var oordeel = b.OordeelVerzoek();
        if (!(concept.Oordeel == oordeel.Oordeel && concept.Tekortkomingen.SequenceEqual(oordeel.Tekortkomingen!)
              && concept.GesprekOp == oordeel.GesprekOp && concept.Opmerkingen == oordeel.Opmerkingen && concept.Geadresseerde == oordeel.Geadresseerde))
        {
            await oordeelRegels.ValidateAndThrowAsync(oordeel, ct);
            await Stap(s => LegOordeelVast.Handle(LegOordeelVast.Opdracht.Van(b.Omgevingsdienst, b.Ronde, oordeel, Handeling(), null), s, ct));
            toegepast++;
        }

        await Stap(s => PubliceerBeoordeling.Handle(new PubliceerBeoordeling.Opdracht(b.Omgevingsdienst, b.Ronde, Handeling(), null), s, ct));
        toegepast++;
        LogBeoordeling(logger, b.Id, toegepast);
        return toegepast;
    }

    /// <summary>The seed acts now, recorded as <see cref="Actor"/>.</summary>
    private Handeling Handeling() => new(Actor, clock.GetUtcNow());

    private async Task<Beoordelingsdossier?> DossierAsync(string code, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        return await session.DossierAsync(code, ct);
    }

    /// <summary>One command in a session of its own, as a request would have it (Handle commits it).</summary>
    private async Task<T> Stap<T>(Func<IDocumentSession, Task<T>> handle)
    {
        await using var session = store.LightweightSession();
        return await handle(session);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment seeds: criteria catalogue loaded, {Applied} criterion/criteria added")]
    private static partial void LogCatalogus(ILogger logger, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment seeds: {Id} loaded and published, {Applied} command(s) applied")]
    private static partial void LogBeoordeling(ILogger logger, string id, int applied);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessment seeds: {Id} is already published; nothing to do")]
    private static partial void LogAlGepubliceerd(ILogger logger, string id);
}
