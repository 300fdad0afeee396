namespace ChuyenDe.Modules.Harvesting;

/// <summary>An OAI-PMH error: its code (<c>badArgument</c>, <c>badVerb</c> …) and a message for the harvester's log.</summary>
public sealed record OaiError(string Code, string Message)
{
    public const string BadArgument = "badArgument";
    public const string BadResumptionToken = "badResumptionToken";
    public const string BadVerb = "badVerb";
    public const string CannotDisseminateFormat = "cannotDisseminateFormat";
    public const string IdDoesNotExist = "idDoesNotExist";
    public const string NoRecordsMatch = "noRecordsMatch";
    public const string NoMetadataFormats = "noMetadataFormats";
    public const string NoSetHierarchy = "noSetHierarchy";

    /// <summary>Whether the <c>request</c> element of the answer must carry no attributes (the request itself was not legal).</summary>
    public bool HidesRequestArguments => Code is BadVerb or BadArgument;
}
