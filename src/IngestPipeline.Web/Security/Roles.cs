namespace IngestPipeline.Web.Security;

/// <summary>The three roles. A user may hold several; an admin may do everything.</summary>
public static class Roles
{
    /// <summary>Archive staff: upload scans and follow them through the pipeline.</summary>
    public const string Staff = "staff";

    /// <summary>Reviewers: edit transcripts, approve and reject.</summary>
    public const string Reviewer = "reviewer";

    /// <summary>Admins: accounts, API keys, re-OCR, the Hangfire dashboard.</summary>
    public const string Admin = "admin";

    public static readonly string[] All = [Staff, Reviewer, Admin];

    public static bool IsKnown(string role) => All.Contains(role);
}

/// <summary>What each page and endpoint requires.</summary>
public static class Policies
{
    public const string View = "view";
    public const string Upload = "upload";
    public const string Review = "review";
    public const string Admin = "admin";
}
