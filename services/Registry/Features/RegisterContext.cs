using System.Security.Claims;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using RobuustOD.Domain;
using RobuustOD.EventStore;
using RobuustOD.HttpDefaults;
using RobuustOD.HttpDefaults.Security;

namespace RobuustOD.Registry.Features;

/// <summary>
/// What every register endpoint needs, bound as one parameter ([AsParameters]). Accessors only: the command's
/// actor and If-Match are read here, at the edge, and travel in the <c>Opdracht</c>; writing is the feature's.
/// </summary>
public sealed record RegisterContext(ApiDescriptor Api, TimeProvider Clock, HttpContext Http)
{
    /// <summary>The request's Marten session, created on first use: a read served from memory needs none.</summary>
    public IDocumentSession Session => Http.RequestServices.GetRequiredService<IDocumentSession>();

    public CancellationToken Ct => Http.RequestAborted;

    public ClaimsPrincipal User => Http.User;

    public Handeling Handeling => User.Handeling(Clock);

    public ExpectedVersion? Verwacht => Http.Request.ExpectedVersion();

    public DateOnly Vandaag => Clock.Vandaag();
}
