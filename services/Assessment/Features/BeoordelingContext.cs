using RobuustOD.Domain;
using System.Security.Claims;
using Marten;
using RobuustOD.Assessment.Dossiers;
using RobuustOD.RegisterReadModel;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults.Problems;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Assessment.Features;

/// <summary>What the assessment endpoints need, bound as one parameter ([AsParameters]).</summary>
public sealed record BeoordelingContext(IDocumentSession Session, TimeProvider Clock, HttpContext Http)
{
    public CancellationToken Ct => Http.RequestAborted;

    public ClaimsPrincipal User => Http.User;

    public string Door => User.Actor();

    public async Task<Beoordelingsdossier?> DossierAsync(string code) =>
        await Session.Events.FetchLatest<Beoordelingsdossier>(code, Ct);

    /// <summary>The assessment if it exists and the caller may see it; otherwise 404 (a draft's existence is not revealed).</summary>
    public async Task<(Beoordelingsdossier Dossier, Beoordeling Beoordeling)> ZichtbareAsync(string id)
    {
        var (code, ronde) = BeoordelingId.Lees(id);
        var dossier = await DossierAsync(code);
        if (dossier?.In(ronde) is not { } beoordeling || !User.MagZien(code, beoordeling))
        {
            throw DomainRuleException.NotFound($"Beoordeling '{id}' bestaat niet of is (nog) niet zichtbaar voor u.");
        }

        return (dossier, beoordeling);
    }

    /// <summary>Decide on the OD's dossier stream (If-Match checked against the stream version).</summary>
    public async Task<Beoordelingsdossier> BeslisAsync(string code, Func<Beoordelingsdossier?, IEnumerable<object>> beslis)
    {
        Session.LastModifiedBy = Door;
        await Session.DecideAsync(code, Http.Request.ExpectedVersion(), User.Handeling(Clock), beslis, Ct);
        await Session.SaveChangesAsync(Ct);
        var dossier = await Session.Events.FetchLatest<Beoordelingsdossier>(code, Ct);
        Http.Response.SetETag(dossier!.Version);
        return dossier;
    }

    public async Task<OmgevingsdienstUitRegister?> UitRegisterAsync(string code) =>
        await Session.LoadAsync<OmgevingsdienstUitRegister>(code, Ct);
}
