namespace RobuustOD.Notifications;

/// <summary>Names this service's assembly for hosts and tests (<c>WebApplicationFactory&lt;NotificationsService&gt;</c>).</summary>
public sealed class NotificationsService;
