namespace RobuustOD.Assessment;

/// <summary>Names this service's assembly for hosts and tests (<c>WebApplicationFactory&lt;AssessmentService&gt;</c>).</summary>
public sealed class AssessmentService;
