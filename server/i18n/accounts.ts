// Interface text of the accounts namespace: zh-CN and English for every key.
import type { MessageTable } from './message-table';

export const accountsMessages = {
  'account.register.title': { zh: '注册企业账号', en: 'Register your business' },
  'account.register.lead': {
    zh: '每个单位注册一次。注册的人成为本单位管理员，可以邀请同事一起填写。',
    en: 'Each business registers once. Whoever registers becomes its admin and can invite colleagues.',
  },
  'account.register.submit': { zh: '注册并开始自评', en: 'Register and start' },
  'account.register.haveAccount': { zh: '已经注册过？', en: 'Already registered?' },
  'account.register.orgSection': { zh: '单位信息', en: 'Your business' },
  'account.register.userSection': { zh: '登录信息', en: 'Your login' },
  'account.email': { zh: '电子邮箱', en: 'Email address' },
  'account.email.hint': { zh: '用于登录，不会公开。', en: 'Used to log in; never shown publicly.' },
  'account.password': { zh: '密码', en: 'Password' },
  'account.password.hint': {
    zh: '至少 10 个字符。可以用密码管理器生成后粘贴。',
    en: 'At least 10 characters. Pasting from a password manager is fine.',
  },
  'account.orgName': { zh: '单位名称', en: 'Business name' },
  'account.orgName.hint': { zh: '与营业执照上的名称一致。', en: 'As on the business licence.' },
  'account.creditCode': { zh: '统一社会信用代码', en: 'Unified social credit code' },
  'account.creditCode.hint': {
    zh: '营业执照上的 18 位代码，由数字和大写字母组成（不含 I、O、Z、S、V），例如 91320582MA1XXXXXXX。旧版执照上的 15 位注册号不能使用。',
    en: 'The 18-character code on the business licence: digits and capital letters, never I, O, Z, S or V. The old 15-digit registration number will not work.',
  },
  'account.region': { zh: '所在地区', en: 'Town or district' },
  'account.region.hint': {
    zh: '填写区县和镇（街道），例如：张家港市杨舍镇。',
    en: 'The district and town, for example 张家港市杨舍镇.',
  },
  'account.industry': { zh: '所属行业', en: 'Industry' },
  'account.industry.hint': {
    zh: '按国民经济行业分类（GB/T 4754）的门类，选主营业务所在的一类。',
    en: 'The section of the national industry classification (GB/T 4754) of your main business.',
  },
  'account.industry.choose': { zh: '请选择', en: 'Choose' },
  'account.size': { zh: '企业规模', en: 'Business size' },
  'account.size.hint': {
    zh: '按《统计上大中小微型企业划分办法》；拿不准时按从业人数估计。',
    en: 'As in the national size classification; if unsure, go by the number of staff.',
  },
  'account.size.large': { zh: '大型', en: 'Large' },
  'account.size.medium': { zh: '中型', en: 'Medium' },
  'account.size.small': { zh: '小型', en: 'Small' },
  'account.size.micro': { zh: '微型', en: 'Micro' },
  'account.login.title': { zh: '登录', en: 'Log in' },
  'account.login.submit': { zh: '登录', en: 'Log in' },
  'account.login.noAccount': { zh: '还没有账号？', en: 'No account yet?' },
  'account.login.loggedOut': { zh: '您已安全退出。', en: 'You have logged out.' },
  'account.login.forgot': {
    zh: '忘记密码：请联系本单位管理员重新邀请您。',
    en: 'Forgotten your password? Ask your organisation admin for a new invitation.',
  },
  'account.password.title': { zh: '修改密码', en: 'Change your password' },
  'account.password.current': { zh: '当前密码', en: 'Current password' },
  'account.password.new': { zh: '新密码', en: 'New password' },
  'account.password.newHint': {
    zh: '至少 10 个字符。修改后，其他设备上的登录会退出。',
    en: 'At least 10 characters. Other devices will be logged out.',
  },
  'account.password.submit': { zh: '修改密码', en: 'Change password' },
  'account.password.changed': {
    zh: '密码已修改，其他设备上的登录已退出。',
    en: 'Your password has been changed and other devices have been logged out.',
  },
  'account.invite.title': { zh: '接受邀请', en: 'Accept the invitation' },
  'account.invite.lead': {
    zh: '“{org}”邀请您一起完成合规自评。设置您的登录邮箱和密码即可加入。',
    en: '“{org}” invites you to its compliance self-assessment. Set your email and password to join.',
  },
  'account.invite.submit': { zh: '加入', en: 'Join' },
  'account.invite.section': { zh: '邀请同事', en: 'Invite a colleague' },
  'account.invite.sectionHint': {
    zh: '生成一次性邀请链接：7 天内有效，只能使用一次。',
    en: 'Creates a one-time link: valid for 7 days, usable once.',
  },
  'account.invite.create': { zh: '生成邀请链接', en: 'Create an invitation link' },
  'account.invite.created': { zh: '邀请链接已生成', en: 'Invitation link created' },
  'account.invite.createdLead': {
    zh: '请把下面的链接发给同事。链接只显示这一次，{date}前有效，只能使用一次。',
    en: 'Send this link to your colleague. It is shown only once, works until {date} and can be used once.',
  },
  'account.invite.link': { zh: '邀请链接', en: 'Invitation link' },
  'account.invite.adminOnly': {
    zh: '只有本单位管理员可以邀请同事。',
    en: 'Only the organisation admin can invite colleagues.',
  },
  'account.error.email': {
    zh: '请填写有效的电子邮箱，例如 name@example.com',
    en: 'Enter a valid email address, like name@example.com',
  },
  'account.error.password': { zh: '密码至少 10 个字符', en: 'The password needs at least 10 characters' },
  'account.error.passwordMissing': { zh: '请填写密码', en: 'Enter your password' },
  'account.error.orgName': {
    zh: '请填写单位名称（2 至 100 个字）',
    en: 'Enter the business name (2 to 100 characters)',
  },
  'account.error.creditCode': { zh: '请填写统一社会信用代码', en: 'Enter the unified social credit code' },
  'account.error.region': {
    zh: '请填写所在地区（不超过 60 个字）',
    en: 'Enter the town or district (up to 60 characters)',
  },
  'account.error.industry': { zh: '请选择所属行业', en: 'Choose the industry' },
  'account.error.size': { zh: '请选择企业规模', en: 'Choose the business size' },
  'account.error.login': { zh: '邮箱或密码不正确', en: 'The email address or password is wrong' },
  'account.error.currentPassword': { zh: '请填写当前密码', en: 'Enter your current password' },
  'orgPage.profile': { zh: '企业画像', en: 'Profile answers' },
  'orgPage.profileNote': {
    zh: '画像决定了适用哪些事项；如需修改，请开始一份新的自评。',
    en: 'The profile decides which items apply; to change it, start a new self-assessment.',
  },
  // Problem details and field errors of the accounts area.
  'account.error.oldRegistrationNumber': {
    zh: '这是旧的15位工商注册号，请填写营业执照上的18位统一社会信用代码。',
    en: 'This is an old 15-digit registration number: enter the 18-character unified social credit code.',
  },
  'account.error.creditCodeLength': {
    zh: '统一社会信用代码应为18位，您填写了{n}位。',
    en: 'The code has 18 characters; you entered {n}.',
  },
  'account.error.creditCodeCharacter': {
    zh: '第{position}位字符“{char}”不是有效字符（代码中不使用字母I、O、Z、S、V）。',
    en: 'Character {position} (“{char}”) is not allowed (I, O, Z, S and V are never used).',
  },
  'account.error.creditCodeCheck': {
    zh: '第18位校验码应为“{expected}”而不是“{actual}”，请对照营业执照核对每一位。',
    en: 'The check character (18th) should be “{expected}”, not “{actual}”: compare each character with the business licence.',
  },
  'account.error.tooManySeconds': {
    zh: '尝试次数过多，请 {seconds} 秒后再试。',
    en: 'Too many attempts: try again in {seconds} seconds.',
  },
  'account.error.tooManyAttempts': {
    zh: '尝试次数过多，请 {minutes} 分钟后再试。',
    en: 'Too many attempts: try again in {minutes} minutes.',
  },
  'account.error.wrongCredentials': { zh: '邮箱或密码不正确。', en: 'Wrong email or password.' },
  'account.error.adminOnly': {
    zh: '只有本单位管理员可以邀请同事。',
    en: 'Only the organisation admin can invite colleagues.',
  },
  'account.error.passwordTooShort': {
    zh: '密码至少{min}个字符。',
    en: 'The password needs at least {min} characters.',
  },
  'account.error.newPasswordTooShort': {
    zh: '新密码至少{min}个字符。',
    en: 'The new password needs at least {min} characters.',
  },
  'account.error.creditCodeTaken': {
    zh: '该统一社会信用代码已经注册，请联系本单位管理员邀请您加入。',
    en: 'This credit code is already registered: ask your organisation admin for an invitation.',
  },
  'account.error.emailTaken': {
    zh: '该邮箱已注册，请直接登录。',
    en: 'This email is already registered: log in instead.',
  },
  'account.error.companyNeedsOrg': { zh: '企业账号需要所属单位。', en: 'A company user needs an organisation.' },
  'account.error.currentPasswordWrong': { zh: '当前密码不正确。', en: 'The current password is wrong.' },
  'account.error.invitationInvalid': {
    zh: '邀请链接无效、已使用或已过期。',
    en: 'The invitation link is invalid, used or expired.',
  },
  'account.error.invitationInvalidAsk': {
    zh: '邀请链接无效、已使用或已过期，请联系本单位管理员重新邀请。',
    en: 'The invitation link is invalid, used or expired: ask your organisation admin for a new one.',
  },
  'account.error.emailExists': { zh: '该邮箱已注册。', en: 'This email is already registered.' },
} as const satisfies MessageTable;
