// JSX types for the SignalWire custom elements used by the demo.
import type { DetailedHTMLProps, HTMLAttributes } from "react";

type SwCallWidgetProps = DetailedHTMLProps<HTMLAttributes<HTMLElement>, HTMLElement> & {
  token?: string;
  destination?: string;
};

declare module "react" {
  namespace JSX {
    interface IntrinsicElements {
      "sw-call-widget": SwCallWidgetProps;
    }
  }
}
