namespace ChuyenDe.Modules.Contents;

/// <summary>The engine on its own (tools and tests without a web host): nothing reserved.</summary>
internal sealed class NoReservedPaths : IReservedPaths
{
    public bool IsReserved(string path) => false;
}
