namespace ChuyenDe.Modules.Notifications;

/// <summary>An e-mail that could not be sent; <see cref="Permanent"/> when trying again cannot help.</summary>
internal sealed class EmailSendException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
