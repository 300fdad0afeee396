using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace ChuyenDe.Modules.Caching;

/// <summary>
/// Which cached pages a change of one entity type evicts, declared by the module that owns the entity
/// (<see cref="CachingModule.AddPageCacheDependency{TEntity}"/>): the tags of an added, modified or deleted entry
/// (none: the change shows on no public page).
/// </summary>
public sealed class PageCacheDependency(Type entityType, Func<EntityEntry, IEnumerable<string>> tags)
{
    public Type EntityType { get; } = entityType;

    public IEnumerable<string> TagsOf(EntityEntry entry) => tags(entry);
}
