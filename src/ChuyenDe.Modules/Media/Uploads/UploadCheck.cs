namespace ChuyenDe.Modules.Media.Uploads;

/// <summary>Why an upload was refused.</summary>
public enum UploadRefusalCode
{
    NotAllowedType,
    ExtensionMismatch,
    Executable,
    Html,
    SvgScript,
    Archive,
    Polyglot,
    TooLarge,
    Empty,
    BadName,
    Macros,
    EmbeddedCode,
    CompressionBomb,
    InvalidDocument,
}

/// <summary>The result of <see cref="UploadValidator.ValidateAsync"/>: accepted with what the file is, or refused with why.</summary>
public sealed record UploadCheck
{
    public bool Accepted => Code is null;

    /// <summary>Null when accepted.</summary>
    public UploadRefusalCode? Code { get; private init; }

    /// <summary>The refusal in Vietnamese, naming the file; null when accepted.</summary>
    public string? Message { get; private init; }

    /// <summary>The safe display and download name (<see cref="SafeFileName.Normalize"/> of the original).</summary>
    public required string DisplayName { get; init; }

    /// <summary>The real kind (what was found, also for most refusals).</summary>
    public FileKind Kind { get; private init; }

    /// <summary>Canonical extension with its dot (<c>.jpg</c> for <c>.jpeg</c>), when accepted.</summary>
    public string? Extension { get; private init; }

    public string? ContentType { get; private init; }

    /// <summary><c>{guid}{extension}</c>: the name to store the file under, with nothing of the user's name in it.</summary>
    public string? StorageName { get; private init; }

    /// <summary>Bytes of the file (when known).</summary>
    public long Length { get; private init; }

    public static UploadCheck Accept(string displayName, FileKind kind, string extension, string contentType, long length) => new()
    {
        DisplayName = displayName,
        Kind = kind,
        Extension = extension,
        ContentType = contentType,
        StorageName = Guid.NewGuid().ToString("N") + extension,
        Length = length,
    };

    public static UploadCheck Refuse(string displayName, UploadRefusalCode code, string message, FileKind kind = FileKind.Unknown, long length = 0) => new()
    {
        DisplayName = displayName,
        Code = code,
        Message = message,
        Kind = kind,
        Length = length,
    };
}
