// Package srcobject defines an Analyzer that reports srcObject passed as a
// JSX prop.
//
// # Analyzer srcobject
//
// srcobject: report srcObject passed as a JSX prop instead of set on the element
//
// srcObject is a DOM property of <video> and <audio> that holds a
// MediaStream; it has no HTML attribute. React does not set it from JSX: it
// warns "React does not recognize the `srcObject` prop on a DOM element",
// and the server cannot serialize a MediaStream into the HTML it renders, so
// the stream never reaches the element. Bind it in an effect or a ref
// callback (`el.srcObject = stream`). Only intrinsic elements are reported:
// a component (<VideoTile srcObject={s} />) may bind the prop itself, and a
// custom element (<sw-call-media>) receives properties on the client.
//
// There is no automatic fix: setting srcObject reloads the media element
// each time it is assigned, so the binding belongs in an effect that depends
// on the stream, which a textual edit cannot write safely.
package srcobject
