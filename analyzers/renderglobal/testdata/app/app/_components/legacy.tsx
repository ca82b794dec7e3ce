"use client";

import React from "react";

export class Legacy extends React.Component<{}, { width: number }> {
  state = { width: window.innerWidth }; // want `window is read in the render phase \(render, constructor or fields\) of class component Legacy`

  componentDidMount() {
    window.addEventListener("resize", this.onResize); // fine: runs after mount
  }

  onResize = () => this.setState({ width: window.innerWidth }); // fine: a handler field

  render() {
    return <p title={document.title}>{this.state.width}</p>; // want `document is read in the render phase \(render, constructor or fields\) of class component Legacy`
  }
}
