using AgriLink.Grains.Common;

namespace AgriLink.Grains.Orders;

public sealed class CooperativeOrdersGrain(
    [PersistentState("cooperative-orders", GrainStorage.Main)] IPersistentState<OrderIndexState> state)
    : OrderIndexGrain(state), ICooperativeOrdersGrain;
