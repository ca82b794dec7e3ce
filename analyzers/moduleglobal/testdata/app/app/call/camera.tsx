// Fine: only ever evaluated in the browser.
const devices = navigator.mediaDevices;
customElements.define("x-cam", class extends HTMLElement {});

export default function Camera() {
  return <video data-devices={String(devices)} />;
}
