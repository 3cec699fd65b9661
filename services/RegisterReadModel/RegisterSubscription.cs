using RobuustOD.Domain;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using RobuustOD.Contracts.Eventing;
using RobuustOD.Contracts.Register;
using RobuustOD.EventBackbone.Incoming;
using RobuustOD.HttpDefaults.Problems;

namespace RobuustOD.RegisterReadModel;

/// <summary>Applies the register's events to <see cref="OmgevingsdienstUitRegister"/>.</summary>
public static class RegisterSubscription
{
    public static RouteHandlerBuilder MapRegisterSubscription(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapTopicSubscription(PubSub.Topics.Register, on => on
            .On<OmgevingsdienstGeregistreerdV1>((e, session, ce, ct) => Nieuw(session, ce, new OmgevingsdienstUitRegister
            {
                Id = e.Code,
                Naam = e.Naam,
                Provincies = e.Provincies,
                AantalDeelnemers = e.AantalDeelnemers,
                OpgerichtOp = e.OpgerichtOp,
                Voorgangers = e.Voorgangers,
            }, ct))
            .On<OmgevingsdienstGewijzigdV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od =>
            {
                od.Naam = e.Naam;
                od.Provincies = e.Provincies;
                od.AantalDeelnemers = e.AantalDeelnemers;
            }, ct))
            .On<SevesoAangewezenV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od =>
            {
                od.SevesoProvincies = e.Provincies;
                od.SevesoTot = null;
            }, ct))
            .On<SevesoIngetrokkenV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od => od.SevesoTot = e.Einddatum, ct))
            .On<FusieAangekondigdV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od => od.AangekondigdeFusie = e.Opvolger, ct))
            .On<FusieGeannuleerdV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od => od.AangekondigdeFusie = null, ct))
            .On<FusieVoltooidV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od =>
            {
                od.OpgehevenOp = e.Ingangsdatum;
                od.Opvolgers = [e.Opvolger];
            }, ct))
            .On<OpgesplitstV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od =>
            {
                od.OpgehevenOp = e.Ingangsdatum;
                od.Opvolgers = e.Opvolgers;
            }, ct))
            .On<ZelftoetsVastgelegdV1>((e, session, ce, ct) => Wijzig(session, ce, e.Code, od => od.ZelftoetsRobuust = e.Robuust, ct)));

    /// <summary>
    /// A new OD, unless one is known whose code differs only in case: codes are unique regardless of case, so such an
    /// event can never apply. It is dropped (logged, and a dead letter at the register), not mapped onto the known OD:
    /// it names another registration, whose name and provinces would overwrite the known OD's. Two such events at the
    /// same time both pass this check; the unique index on <c>upper(id)</c> lets only one commit.
    /// </summary>
    private static async Task Nieuw(IDocumentSession session, CloudEventContext ce, OmgevingsdienstUitRegister od, CancellationToken ct)
    {
        var code = od.Id;
        var bekend = await session.Query<OmgevingsdienstUitRegister>()
            .Where(o => o.Id.Equals(code, StringComparison.OrdinalIgnoreCase)).Select(o => o.Id).ToListAsync(ct);
        if (bekend.FirstOrDefault(b => OdCode.VerschiltAlleenInHoofdletters(b, code)) is { } anders)
        {
            throw DomainRuleException.Conflict(
                $"Omgevingsdienst '{code}' verschilt alleen in hoofdletters van de bekende '{anders}'; codes zijn uniek ongeacht hoofdletters.");
        }

        od.BijgewerktOp = ce.Time;
        session.Insert(od);
    }

    private static async Task Wijzig(IDocumentSession session, CloudEventContext ce, string code,
        Action<OmgevingsdienstUitRegister> wijziging, CancellationToken ct)
    {
        // Events of one OD arrive in order, so its registration came first; if not, the event can never apply.
        var od = await session.LoadAsync<OmgevingsdienstUitRegister>(code, ct)
            ?? throw DomainRuleException.NotFound($"Omgevingsdienst '{code}' is hier niet bekend.");
        wijziging(od);
        od.BijgewerktOp = ce.Time;
        session.Update(od);
    }
}
