namespace RobuustOD.HttpDefaults.Security;

/// <summary>The roles in the <c>role</c> claim of an access token.</summary>
public static class Roles
{
    public const string Ienw = "ienw";
    public const string Beoordelaar = "beoordelaar";
    public const string Od = "od";
    public const string Odnl = "odnl";
    public const string Ipo = "ipo";
    public const string Vng = "vng";

    /// <summary>The claim that holds an OD's code in its tokens.</summary>
    public const string OdClaim = "od";
}

/// <summary>Authorization policies; every endpoint names one of these.</summary>
public static class Policies
{
    /// <summary>Public data: anyone may read, no token needed.</summary>
    public const string Publiek = "publiek";

    /// <summary>The ministry (system responsible).</summary>
    public const string Ienw = "ienw";

    /// <summary>The ministry or its assessor.</summary>
    public const string IenwOfBeoordelaar = "ienw-of-beoordelaar";

    /// <summary>The ministry, or an OD acting for itself (the handler checks which OD).</summary>
    public const string IenwOfOd = "ienw-of-od";

    /// <summary>Any authenticated caller with a known role.</summary>
    public const string Ingelogd = "ingelogd";
}
