using Akka.Actor;

namespace ContinuousOperation.Actors.Monitoring;

/// <summary>The largest number of messages waiting in any mailbox of a subtree of local actors. An actor that cannot
/// keep up shows here long before it shows as memory; remote or not-yet-started actors count as empty.</summary>
public static class MailboxBacklog
{
    public static long Busiest(IActorRef root)
    {
        if (root is not ActorRefWithCell local) return 0;
        // The counts are read without locking while messages keep arriving: each is exact for some instant.
        return local.Children.Aggregate((long)local.Underlying.NumberOfMessages, (busiest, child) => Math.Max(busiest, Busiest(child)));
    }
}
