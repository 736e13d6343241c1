export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  /** The sender's display name when it should differ from the configured one (the address never does). */
  fromName?: string;
}

export interface EmailLayoutParts {
  clinicName: string;
  heading: string;
  /** Paragraphs of plain text; escaped for HTML by the layout. */
  paragraphs: string[];
  action?: { label: string; url: string };
  footer?: string;
}
