namespace WijPlatform.ServiceDefaults.Texts;

/// <summary>The texts every service uses, in ServiceDefaults' own <c>texts.json</c>.</summary>
public static class SharedTexts
{
    public static readonly Text NotAllowed = new("shared.not-allowed");

    public static readonly Text InvalidValue = new("shared.invalid-value");

    public static readonly Text RoleMayNot = new("shared.role-may-not");

    public static readonly Text AuthenticationRequired = new("shared.authentication-required");

    public static readonly Text RequestInvalid = new("shared.request-invalid");

    public static readonly Text RequestRefused = new("shared.request-refused");

    public static readonly Text RequestUnreadable = new("shared.request-unreadable");

    public static readonly Text Unreadable = new("shared.value-unreadable");

    public static readonly Text Unavailable = new("shared.unavailable");

    public static readonly Text DatabaseUnreachable = new("shared.database-unreachable");

    /// <summary>"Casus niet gevonden.": the record's English noun (<paramref name="kind"/>) is the key of its name.</summary>
    public static Text NotFound(string kind) => new("shared.not-found", new Text(kind));

    public static Text NoSuch(string kind, object id) => new("shared.no-such", new Text(kind), id);
}
