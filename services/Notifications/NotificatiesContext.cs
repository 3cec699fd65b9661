using Marten;
using Microsoft.AspNetCore.Mvc;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;
using RobuustOD.Notifications.Abonnementen;

namespace RobuustOD.Notifications;

/// <summary>
/// What every endpoint of this service takes (<c>[AsParameters]</c>): the session, the API descriptor, the clock and
/// the request, and what follows from them without logic.
/// </summary>
public sealed record NotificatiesContext(
    [FromServices] IDocumentSession Session,
    [FromServices] ApiDescriptor Api,
    [FromServices] TimeProvider Clock,
    HttpContext Http)
{
    public Handeling Handeling => Http.User.Handeling(Clock);

    public ExpectedVersion? Verwacht => Http.Request.ExpectedVersion();

    public DateTimeOffset Nu => Clock.GetUtcNow();

    public CancellationToken Ct => Http.RequestAborted;

    /// <summary>The caller: role and, for an OD's token, its code.</summary>
    public Gebruiker Gebruiker => Gebruiker.Van(Http.User);
}
