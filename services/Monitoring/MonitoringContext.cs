using Marten;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Monitoring;

/// <summary>
/// What every endpoint of this service takes (<c>[AsParameters]</c>): the session, the API descriptor, the clock and
/// the request, and what follows from them without logic: who acts when, the If-Match, today, the caller's OD.
/// </summary>
public sealed record MonitoringContext(
    [FromServices] IDocumentSession Session,
    [FromServices] ApiDescriptor Api,
    [FromServices] TimeProvider Clock,
    HttpContext Http)
{
    public Handeling Handeling => Http.User.Handeling(Clock);

    public ExpectedVersion? Verwacht => Http.Request.ExpectedVersion();

    public DateOnly Vandaag => Clock.Vandaag();

    public CancellationToken Ct => Http.RequestAborted;

    /// <summary>The OD an <c>od</c> token acts for (it may act for no other); null for IenW and other roles.</summary>
    public string? NamensOd => Http.User.IsInRole(Roles.Od) ? Http.User.OdCode() ?? "" : null;

    /// <summary>The caller as the read rules see it.</summary>
    public Lezer Lezer => new(
        Http.User.IsInRole(Roles.Ienw) || Http.User.IsInRole(Roles.Beoordelaar),
        NamensOd);
}

/// <summary>Who reads: IenW or its assessor (everything), an OD (only its own), or another role (only what is submitted).</summary>
public sealed record Lezer(bool IsIenwOfBeoordelaar, string? Od);
