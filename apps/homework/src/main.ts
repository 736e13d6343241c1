import './styles.css';
import { lookUpLink } from './api';
import { tokenFromPath } from './link-token';
import { show } from './views/dom';
import { inactiveView, noLinkView, unreachableView } from './views/messages';
import { welcomeView } from './views/welcome';

const main = document.querySelector('main');
if (!main) throw new Error('index.html must contain <main>');

const load = async (token: string): Promise<void> => {
  const result = await lookUpLink(token);
  const view =
    result.status === 'active'
      ? welcomeView(result.link)
      : result.status === 'unreachable'
        ? unreachableView(() => void load(token))
        : inactiveView();
  show(main, view, { focus: true });
};

const token = tokenFromPath(location.pathname, import.meta.env.BASE_URL);
if (token) void load(token);
else show(main, noLinkView());
