// Package clientcleanup defines an Analyzer that reports effects that start
// a SignalWire client or call without a cleanup that ends it.
//
// # Analyzer clientcleanup
//
// clientcleanup: report effects that create an SDK client without disconnecting it
//
// A useEffect or useLayoutEffect that creates a browser SDK client (new
// SignalWire(...), the v3 SignalWire({...}) factory, new
// Video.RoomSession(...), embeddableCall(...), …: the constructors listed in
// rules/packages.json, less the WebRTC device helpers, which hold no
// connection), or that starts a call or joins a room (.dial(...),
// .join()), must return a cleanup that ends it: `return () =>
// c.disconnect()`, .leave(), .hangup(). Without one, every remount (React
// Strict Mode mounts effects twice in development) and every change of the
// effect's dependencies leaves a client connected, with its WebSocket,
// media tracks and call.
//
// A cleanup counts when it calls a method or function whose name says it
// ends something — disconnect, leave, hangUp, destroy, close, stop, end,
// dispose, teardown, cleanup, also within a name (endCall,
// disconnectClient) — directly or through a local function; a cleanup the effect
// gets from a call (return subscribe(...)) is trusted, as is a sibling
// effect of the same component whose cleanup disconnects (the client kept in
// state and torn down by a second effect). .dial and .join are only counted
// in files that import a browser SDK package, and join only with no
// arguments or an options object (not path.join or list.join). When the
// client is a `const` created by new SignalWire(...) in a synchronous
// effect with no cleanup, a fix appends `return () => c.disconnect();`.
package clientcleanup
