// The jobs benchmark's SMTP reference: the worker's own mail sender (pooled nodemailer) and reminder
// template, sending `count` messages to the listener at `parallel` at a time, with no queue and no
// database — the most the reminder pipeline could reach on this machine. Prints messages/s.
// Usage: node smtp-only.cjs <smtpUrl> <count> <parallel>   (needs the built worker: nx run worker:build)
const { join } = require('node:path');
// The worker's own resolution of @trellis/* in its compiled layout, before anything imports a lib.
require(join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'apps', 'worker', 'src', 'register-paths'));
const built = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'libs');
const { createMailSender } = require(join(built, 'mail', 'src'));
const { renderHomeworkReminder } = require(
  join(built, 'features', 'src', 'homework', 'emails', 'homework-assigned.template'),
);

const [smtpUrl, count, parallel] = process.argv.slice(2);
const sender = createMailSender(smtpUrl, 'Trellis <no-reply@trellis.test>', Number(parallel));
const send = (i) =>
  sender.send({
    to: `partner${i}@smtp-only.trellis.test`,
    messageId: `<smtp-only-${i}@trellis>`,
    ...renderHomeworkReminder({
      clinicName: 'Harbour Counselling',
      partnerFirstName: 'Alex',
      therapistName: 'Dana Whitfield',
      exerciseTitle: 'The apology that lands',
      dueLabel: 'Friday 5 December, 18:00',
      homeworkUrl: `https://trellis.example/h/${String(i).padStart(43, 'x')}`,
      overdue: false,
    }),
  });

(async () => {
  const total = Number(count);
  const width = Number(parallel);
  await Promise.all(Array.from({ length: width * 4 }, (_, i) => send(-1 - i))); // warm-up
  const started = performance.now();
  for (let i = 0; i < total; i += width)
    await Promise.all(Array.from({ length: Math.min(width, total - i) }, (_, j) => send(i + j)));
  process.stdout.write(`${(total / ((performance.now() - started) / 1000)).toFixed(1)}\n`);
  sender.close();
})();
