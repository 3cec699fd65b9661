using RobuustOD.Contracts.Api;
using Refit;

namespace RobuustOD.Contracts.Register.Api;

/// <summary>
/// The public reads of the register of omgevingsdiensten (<c>/register/v1</c>; no token needed). Give the
/// client the address of the host or gateway that serves <c>/register/v1</c> (a path in it is kept). Errors
/// arrive as <see cref="ApiException"/> whose content is an RFC 9457 problem (<c>application/problem+json</c>).
/// Register it with <see cref="RegisterApiClientExtensions.AddRegisterApiClient"/>.
/// </summary>
public interface IRegisterApi
{
    public const string BasePath = "/register/v1";

    /// <summary>The ODs as the register stood on the peildatum (default: today), filtered, 20 per page by default.</summary>
    /// <param name="seveso">Only Seveso-ODs (true) or only the others (false) on the peildatum.</param>
    /// <param name="provincie">Only ODs in this province, or doing its Seveso tasks.</param>
    /// <param name="status">One of <see cref="StatusFilter"/>; default <c>actief</c>.</param>
    /// <param name="zoek">Part of the code or the name, case-insensitive.</param>
    /// <param name="peildatum">The date the register is read as of.</param>
    /// <param name="pagina">The page, from 1.</param>
    /// <param name="paginaGrootte">1 to 100; default 20.</param>
    [Get(BasePath + "/omgevingsdiensten")]
    Task<Pagina> ZoekOmgevingsdienstenAsync(
        bool? seveso = null,
        string? provincie = null,
        string? status = null,
        string? zoek = null,
        [Query(Format = "yyyy-MM-dd")] DateOnly? peildatum = null,
        int? pagina = null,
        int? paginaGrootte = null,
        CancellationToken cancellationToken = default);

    /// <summary>One OD by its code, as of the peildatum (default: today). 404 when the register does not know it.</summary>
    [Get(BasePath + "/omgevingsdiensten/{code}")]
    Task<OmgevingsdienstResource> HaalOmgevingsdienstOpAsync(
        string code,
        [Query(Format = "yyyy-MM-dd")] DateOnly? peildatum = null,
        CancellationToken cancellationToken = default);

    /// <summary>The OD's events: what happened, when it was recorded and by whom.</summary>
    [Get(BasePath + "/omgevingsdiensten/{code}/historie")]
    Task<Historie> HaalHistorieOpAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Per province the Seveso-OD on the peildatum (default: today).</summary>
    [Get(BasePath + "/seveso-overzicht")]
    Task<Overzicht> HaalSevesoOverzichtOpAsync(
        [Query(Format = "yyyy-MM-dd")] DateOnly? peildatum = null,
        CancellationToken cancellationToken = default);

    /// <summary>All announced, completed and cancelled mergers.</summary>
    [Get(BasePath + "/fusies")]
    Task<FusieLijst> ZoekFusiesAsync(CancellationToken cancellationToken = default);

    /// <summary>One merger, named by the code of its successor (opvolger).</summary>
    [Get(BasePath + "/fusies/{opvolger}")]
    Task<FusieResource> HaalFusieOpAsync(string opvolger, CancellationToken cancellationToken = default);
}
